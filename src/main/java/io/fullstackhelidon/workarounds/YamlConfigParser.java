package io.fullstackhelidon.workarounds;

import java.io.InputStreamReader;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.spi.ConfigNode.ListNode;
import io.helidon.config.spi.ConfigNode.ObjectNode;
import io.helidon.config.spi.ConfigParser;
import io.helidon.config.spi.ConfigParserException;

/**
 * Turns {@code app.yaml} and {@code application.yaml} into Helidon configuration nodes as Helidon's config-yaml module
 * does (every scalar a string, null ""), but on YAML 1.2 and keeping each plain value as written: {@code yes},
 * {@code on}, {@code 0777} and {@code 0123456789} stay what the operator typed, and a duplicate key is an error naming
 * it. Helidon's module (YAML 1.1) turns such values into other ones and lets a repeated block silently replace the
 * first (docs/decisions/0001-yaml-1.2-configuration.md).
 */
public final class YamlConfigParser implements ConfigParser {

    private static final MediaType YAML = MediaTypes.create("application/x-yaml");

    @Override
    public Set<MediaType> supportedMediaTypes() {
        return Set.of(YAML);
    }

    @Override
    public List<String> supportedSuffixes() {
        return List.of("yml", "yaml");
    }

    @Override
    public ObjectNode parse(Content content) {
        try (Reader reader = new InputStreamReader(content.data(), content.charset())) {
            Object document = Yaml12.loadAsWritten(reader);
            if (document == null) {
                return ObjectNode.empty();
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw new ConfigParserException("A configuration file must hold a mapping of keys to values");
            }
            return objectNode(map);
        } catch (ConfigParserException e) {
            throw e;
        } catch (Exception e) {
            throw new ConfigParserException("Cannot read YAML configuration: " + e.getMessage(), e);
        }
    }

    private static ObjectNode objectNode(Map<?, ?> map) {
        ObjectNode.Builder builder = ObjectNode.builder();
        map.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (value instanceof Map<?, ?> child) {
                builder.addObject(name, objectNode(child));
            } else if (value instanceof List<?> list) {
                builder.addList(name, listNode(list));
            } else {
                builder.addValue(name, scalar(value));
            }
        });
        return builder.build();
    }

    private static ListNode listNode(List<?> list) {
        ListNode.Builder builder = ListNode.builder();
        list.forEach(value -> {
            if (value instanceof Map<?, ?> child) {
                builder.addObject(objectNode(child));
            } else if (value instanceof List<?> nested) {
                builder.addList(listNode(nested));
            } else {
                builder.addValue(scalar(value));
            }
        });
        return builder.build();
    }

    private static String scalar(Object value) {
        return value == null ? "" : value.toString();
    }
}
