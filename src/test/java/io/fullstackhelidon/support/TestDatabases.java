package io.fullstackhelidon.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.fullstackhelidon.infra.config.AppConfig;
import io.fullstackhelidon.infra.config.DatabaseSettings;
import io.fullstackhelidon.infra.config.Settings;
import io.fullstackhelidon.infra.db.Migrations;
import io.fullstackhelidon.infra.db.ShippedMigration;

/**
 * Fresh, empty databases for tests: in-memory H2 by default, or new PostgreSQL databases on the server named by
 * {@code TEST_DATABASE_URL} (a {@code postgresql://} URL; the role needs CREATEDB). PostgreSQL databases are dropped
 * when the test JVM exits. Every test that touches a database runs on whichever kind is configured, so no test is
 * skipped on either.
 */
public final class TestDatabases {

    private static final String ENVIRONMENT_VARIABLE = "TEST_DATABASE_URL";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();
    private static final String RUN = Long.toString(ProcessHandle.current().pid());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated));
        System.out.println("Test databases: " + postgresUrl().map(url -> "PostgreSQL, new databases on "
                                                                         + url.replaceAll(":[^:@/]*@", ":***@"))
                .orElse("embedded H2 in memory (set TEST_DATABASE_URL to use PostgreSQL)"));
    }

    private TestDatabases() {
    }

    /** Whether tests run on PostgreSQL. */
    public static boolean postgres() {
        return postgresUrl().isPresent();
    }

    /** A new empty database, as the value of {@code DATABASE_URL} (a postgresql:// or jdbc:h2: URL). */
    public static String freshUrl() {
        String name = "fsh_test_" + RUN + "_" + COUNTER.incrementAndGet();
        Optional<String> server = postgresUrl();
        if (server.isEmpty()) {
            return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                   + "DB_CLOSE_DELAY=-1";
        }
        execute(server.get(), "CREATE DATABASE " + name);
        synchronized (CREATED) {
            CREATED.add(name);
        }
        URI uri = URI.create(server.get());
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/" + name;
    }

    /** The JDBC settings for a {@code DATABASE_URL} value. */
    public static DatabaseSettings settings(String databaseUrl) {
        return Settings.from(AppConfig.of(Map.of("database.url", databaseUrl, "app.project-name", "x",
                                                 "security.secret-key", "x", "first-superuser.email", "x",
                                                 "first-superuser.password", "x"), Map.of())).database();
    }

    /** Runs SQL statements on the database of {@code databaseUrl}, outside the application. */
    public static void execute(String databaseUrl, String... statements) {
        DatabaseSettings settings = settings(databaseUrl);
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.username(),
                                                                 settings.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Test database statement failed: " + e.getMessage(), e);
        }
    }

    /** The single number {@code sql} selects on the database of {@code databaseUrl}, outside the application. */
    public static long queryLong(String databaseUrl, String sql) {
        return ((Number) queryValue(databaseUrl, sql)).longValue();
    }

    /** The single value {@code sql} selects on the database of {@code databaseUrl}, outside the application. */
    public static Object queryValue(String databaseUrl, String sql) {
        DatabaseSettings settings = settings(databaseUrl);
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.username(),
                                                                 settings.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getObject(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database query failed: " + e.getMessage(), e);
        }
    }

    /** How many versioned migrations the service ships for the database at {@code url}: the common ones and its own. */
    public static long shippedMigrations(String url) {
        return ShippedMigration.in(TestDatabases.class.getClassLoader(), Migrations.folders(settings(url)))
                .orElseThrow().size();
    }

    private static Optional<String> postgresUrl() {
        return Optional.ofNullable(System.getenv(ENVIRONMENT_VARIABLE)).filter(url -> !url.isBlank());
    }

    private static void dropCreated() {
        postgresUrl().ifPresent(server -> {
            synchronized (CREATED) {
                for (String name : CREATED) {
                    try {
                        execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    } catch (RuntimeException ignored) {
                        // best effort at JVM exit
                    }
                }
            }
        });
    }
}
