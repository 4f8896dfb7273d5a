package io.fullstackhelidon.workarounds;

import java.io.Reader;
import java.util.Map;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Reads YAML 1.2 into maps, lists and scalars, refusing duplicate keys. Merge keys ({@code <<: *anchor}), which
 * {@code openapi.yaml} uses, are applied by the parser: the mapping's own keys win.
 */
public final class Yaml12 {

    private Yaml12() {
    }

    /** A document with the core schema: {@code true}, {@code 12}, {@code 1.5}, {@code ~} are typed. */
    public static Object load(Reader reader) {
        return load(reader, new CoreSchema());
    }

    /**
     * A configuration document: every plain scalar is the text as written ({@code 0777}, {@code yes},
     * {@code 0123456789} stay so; configuration values are text until a setting reads them), only the null forms
     * ({@code ~}, {@code null}, nothing) are null.
     */
    public static Object loadAsWritten(Reader reader) {
        return load(reader, AS_WRITTEN);
    }

    private static Object load(Reader reader, Schema schema) {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(schema)
                .setAllowDuplicateKeys(false)
                .build();
        return new Load(settings).loadFromReader(reader);
    }

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");

    private static final Schema AS_WRITTEN = new Schema() {
        private final Map<Tag, ConstructNode> constructors = new CoreSchema().getSchemaTagConstructors();

        @Override
        public ScalarResolver getScalarResolver() {
            return (value, implicit) -> {
                if (!implicit) {
                    return Tag.STR;
                }
                if (NULL.matcher(value).matches()) {
                    return Tag.NULL;
                }
                return value.equals("<<") ? Tag.MERGE : Tag.STR;
            };
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return constructors;
        }
    };
}
