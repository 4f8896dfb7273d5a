package io.fullstackhelidon.infra.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Turns the template backend's {@code DATABASE_URL} ({@code postgresql://user:pass@host:port/db}, also with the
 * {@code postgres://} and {@code postgresql+psycopg://} spellings) into a JDBC URL and credentials. A {@code jdbc:}
 * URL is taken as it is.
 */
final class DatabaseUrl {

    private static final Set<String> POSTGRES_SCHEMES = Set.of(
            "postgres", "postgresql", "postgresql+psycopg", "postgresql+psycopg2", "postgresql+asyncpg",
            "postgresql+pg8000");

    /**
     * Helidon DbClient binds {@link java.util.UUID} parameters as strings; this lets PostgreSQL infer the column type
     * instead of rejecting {@code uuid = character varying}.
     */
    private static final String UNTYPED_STRINGS = "stringtype=unspecified";

    private DatabaseUrl() {
    }

    record Target(String jdbcUrl, String username, String password) {
    }

    static Target parse(String url, String username, String password) {
        if (url.startsWith("jdbc:")) {
            return new Target(withUntypedStrings(url), username, password);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url);
        }
        if (uri.getScheme() == null || !POSTGRES_SCHEMES.contains(uri.getScheme().toLowerCase())
                || uri.getHost() == null) {
            throw invalid(url);
        }
        String user = username;
        String secret = password;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            secret = parts.length > 1 ? decode(parts[1]) : "";
        }
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1
                ? user
                : decode(uri.getRawPath().substring(1));
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append('/').append(database);
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        return new Target(withUntypedStrings(jdbc.toString()), user, secret);
    }

    static Target fromParts(String server, String port, String user, String password, String database) {
        return parse("postgresql://" + server + ":" + port + "/" + database, user, password);
    }

    private static String withUntypedStrings(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:") || jdbcUrl.contains("stringtype=")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + UNTYPED_STRINGS;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static ConfigurationException invalid(String url) {
        String shown = url.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
        return new ConfigurationException("DATABASE_URL must look like postgresql://user:password@host:5432/db "
                                          + "(or be a jdbc: URL), not " + shown);
    }
}
