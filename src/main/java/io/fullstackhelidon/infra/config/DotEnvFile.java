package io.fullstackhelidon.infra.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code .env} file the way docker compose and python-dotenv do for the simple cases the template uses:
 * {@code KEY=value} lines, optional {@code export }, comments, and single- or double-quoted values.
 */
public final class DotEnvFile {

    private DotEnvFile() {
    }

    /** The variables of the file, or an empty map when it does not exist. */
    public static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static Map<String, String> parse(String content) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String rawLine : content.split("\\R")) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = line.substring(0, equals).strip();
            variables.put(name, value(line.substring(equals + 1).strip()));
        }
        return variables;
    }

    private static String value(String raw) {
        if (raw.length() >= 2) {
            char first = raw.charAt(0);
            if ((first == '"' || first == '\'') && raw.indexOf(first, 1) > 0) {
                String quoted = raw.substring(1, raw.indexOf(first, 1));
                return first == '"' ? quoted.replace("\\n", "\n").replace("\\\"", "\"") : quoted;
            }
        }
        int comment = raw.indexOf(" #");
        return comment >= 0 ? raw.substring(0, comment).strip() : raw;
    }
}
