package io.fullstackhelidon.config;

import java.io.Reader;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML 1.2 with the core schema ({@code true}, {@code 12}, {@code 1.5}, {@code ~} are typed, the rest are
 * strings) into maps, lists and scalars, refusing duplicate keys. Merge keys ({@code <<: *anchor}), which
 * {@code openapi.yaml} uses, are applied by the parser: the mapping's own keys win.
 */
public final class Yaml {

    private Yaml() {
    }

    /** The document of {@code reader}, or null when it is empty. */
    public static Object load(Reader reader) {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .build();
        return new Load(settings).loadFromReader(reader);
    }
}
