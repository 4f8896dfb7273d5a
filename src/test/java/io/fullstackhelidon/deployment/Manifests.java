package io.fullstackhelidon.deployment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Reads the deployment files of the repository (deploy/, docker-compose.yml, Dockerfile) as plain data. */
final class Manifests {

    static final Path ROOT = Path.of("").toAbsolutePath();

    private Manifests() {
    }

    /** Every YAML document of {@code file}, in order. */
    static List<Map<String, Object>> documents(Path file) {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
            List<Map<String, Object>> documents = new ArrayList<>();
            Load load = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build());
            for (Object document : load.loadAllFromReader(reader)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(ROOT.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** The value at a path of keys (and list indexes) in nested maps and lists. */
    static Object at(Object root, Object... path) {
        Object node = root;
        for (Object step : path) {
            if (node == null) {
                return null;
            }
            node = step instanceof Integer index ? list(node).get(index) : map(node).get(step);
        }
        return node;
    }
}
