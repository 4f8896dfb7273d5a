package io.fullstackhelidon.config;

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
 * Turns {@code app.yaml} and {@code application.yaml} into Helidon configuration nodes, as Helidon's config-yaml
 * module does (every scalar becomes its string form, null becomes ""), but on YAML 1.2: {@code yes}, {@code on} and
 * {@code 0777} stay strings. Helidon's module is not used because its SnakeYAML links java.beans, which would bring the
 * whole java.desktop module into the runtime image.
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
            Object document = Yaml.load(reader);
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
