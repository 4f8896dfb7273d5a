package io.fullstackhelidon.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import io.fullstackhelidon.contract.validation.Field;
import io.fullstackhelidon.contract.validation.Issues;
import io.fullstackhelidon.contract.validation.Scalars;
import io.fullstackhelidon.contract.validation.ValidationIssue;

import io.helidon.webserver.http.ServerRequest;

/**
 * A path or query parameter of an endpoint, declared once: how it is parsed (with Pydantic's messages), its default,
 * and its OpenAPI description.
 *
 * @param <T> the Java type of its value
 */
public final class Parameter<T> {

    /** Where the parameter is. */
    private enum In { PATH, QUERY }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text, List<Object> loc, Issues issues);
    }

    private final String name;
    private final In in;
    private final Parser<T> parser;
    private final T defaultValue;
    private final Map<String, Object> schema;

    private Parameter(String name, In in, Parser<T> parser, T defaultValue, Map<String, Object> schema) {
        this.name = name;
        this.in = in;
        this.parser = parser;
        this.defaultValue = defaultValue;
        this.schema = schema;
    }

    /** A UUID path segment. */
    public static Parameter<UUID> pathUuid(String name) {
        return new Parameter<>(name, In.PATH, Scalars::uuid, null, schema("string", "uuid", name));
    }

    /** A path segment taken as it is. */
    public static Parameter<String> pathText(String name) {
        return new Parameter<>(name, In.PATH, (text, loc, issues) -> text, null, schema("string", null, name));
    }

    /** A non-negative integer query parameter, {@code defaultValue} when absent. */
    public static Parameter<Long> queryCount(String name, long defaultValue) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "integer");
        schema.put("minimum", 0);
        schema.put("default", defaultValue);
        schema.put("title", Field.title(name));
        return new Parameter<>(name, In.QUERY, Scalars::count, defaultValue, schema);
    }

    /**
     * An optional query parameter, its text as it is when {@code valid} (else a 422 naming {@code refusal}); empty when
     * absent.
     */
    public static Parameter<Optional<String>> queryOptionalText(String name, Predicate<String> valid, String refusal) {
        return new Parameter<>(name, In.QUERY, (text, loc, issues) -> {
            if (valid.test(text)) {
                return Optional.of(text);
            }
            issues.add(new ValidationIssue("value_error", loc, "Value error, " + refusal, text,
                                           Map.of("error", refusal)));
            return null;
        }, Optional.empty(), schema("string", null, name));
    }

    /** A required e-mail address query parameter, normalised. */
    public static Parameter<String> queryEmail(String name) {
        return new Parameter<>(name, In.QUERY, Scalars::email, null, schema("string", "email", name));
    }

    public String name() {
        return name;
    }

    /** The value in {@code request}; {@code null} with the issue recorded when it is not valid. */
    T read(ServerRequest request, Issues issues) {
        List<Object> loc = List.of(in == In.PATH ? "path" : "query", name);
        if (in == In.PATH) {
            return parser.parse(request.path().pathParameters().get(name), loc, issues);
        }
        List<String> values = request.query().all(name, List::of);
        if (values.isEmpty()) {
            if (defaultValue == null) {
                Scalars.missing(loc, null, issues);
            }
            return defaultValue;
        }
        // the last value when repeated, as Starlette reads a query
        return parser.parse(values.getLast(), loc, issues);
    }

    /** The parameter's OpenAPI description. */
    public Map<String, Object> description() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("name", name);
        description.put("in", in == In.PATH ? "path" : "query");
        description.put("required", defaultValue == null);
        description.put("schema", schema);
        return description;
    }

    private static Map<String, Object> schema(String type, String format, String name) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (format != null) {
            schema.put("format", format);
        }
        schema.put("title", Field.title(name));
        return schema;
    }
}
