package io.fullstackhelidon.contract.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A request body declared once, as the template declares a Pydantic model: its name, its fields in the model's order,
 * and how the validated fields become the record a service takes. The declaration validates a body (all issues of all
 * fields, in order) and is the body's schema in the OpenAPI document.
 *
 * @param <B> the record the body becomes
 */
public final class ObjectSchema<B> {

    /** How the body travels. */
    public enum Encoding {
        /** {@code application/json}. */
        JSON,
        /** An HTML form, {@code application/x-www-form-urlencoded} or {@code multipart/form-data}. */
        FORM
    }

    private final String name;
    private final Encoding encoding;
    private final List<Field<?>> fields;
    private final Function<BodyValues, B> factory;

    private ObjectSchema(String name, Encoding encoding, List<Field<?>> fields, Function<BodyValues, B> factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.encoding = encoding;
        this.fields = List.copyOf(fields);
        this.factory = factory;
    }

    /** A JSON body called {@code name} in the OpenAPI document, with {@code fields} in this order. */
    public static Builder json(String name, Field<?>... fields) {
        return new Builder(name, Encoding.JSON, List.of(fields));
    }

    /** An HTML form body. */
    public static Builder form(String name, Field<?>... fields) {
        return new Builder(name, Encoding.FORM, List.of(fields));
    }

    /** The fields, then what they make. */
    public record Builder(String name, Encoding encoding, List<Field<?>> fields) {

        public <B> ObjectSchema<B> as(Function<BodyValues, B> factory) {
            return new ObjectSchema<>(name, encoding, fields, factory);
        }
    }

    public String name() {
        return name;
    }

    public Encoding encoding() {
        return encoding;
    }

    /** The body as its record; {@code null} with the issues recorded when it is not valid. */
    public B read(JsonBody body, Issues issues) {
        JsonNode object = switch (body) {
            case JsonBody.Absent absent -> {
                Scalars.missing(List.of("body"), null, issues);
                yield null;
            }
            case JsonBody.Unparsed unparsed -> notAnObject(JsonNodeFactory.instance.textNode(unparsed.text()), issues);
            case JsonBody.Document document -> document.node().isObject() ? document.node()
                                                                          : notAnObject(document.node(), issues);
        };
        if (object == null) {
            return null;
        }
        return valuesOf(field -> field.read(object, issues), issues);
    }

    /** The form as its record; {@code null} with the issues recorded when it is not valid. */
    public B read(Map<String, String> form, Issues issues) {
        return valuesOf(field -> field.read(form, issues), issues);
    }

    /** The body's OpenAPI schema (an object schema with the fields' schemas as properties). */
    public Map<String, Object> schema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Field<?> field : fields) {
            properties.put(field.name(), field.schema());
            if (field.required()) {
                required.add(field.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("properties", properties);
        return schema;
    }

    private B valuesOf(Function<Field<?>, Patch<?>> read, Issues issues) {
        int before = issues.count();
        Map<Field<?>, Patch<?>> values = new LinkedHashMap<>();
        for (Field<?> field : fields) {
            values.put(field, read.apply(field));
        }
        return issues.count() == before ? factory.apply(new BodyValues(values)) : null;
    }

    private static JsonNode notAnObject(JsonNode input, Issues issues) {
        issues.add(ValidationIssue.of("model_attributes_type", List.of("body"),
                                      "Input should be a valid dictionary or object to extract fields from", input));
        return null;
    }
}
