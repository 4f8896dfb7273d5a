package io.fullstackhelidon.web.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fullstackhelidon.web.ApiException;

import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.ServerRequest;

/**
 * The fields of an HTML form body ({@code application/x-www-form-urlencoded}). Like Starlette, any other content type
 * reads as an empty form, and like FastAPI an empty value counts as a missing field.
 */
public final class FormFields {

    private final Parameters parameters;
    private final Validation validation;

    private FormFields(Parameters parameters, Validation validation) {
        this.parameters = parameters;
        this.validation = validation;
    }

    /** Reads the form; a body that cannot be parsed is a 400, as in FastAPI. */
    public static FormFields read(ServerRequest request, Validation validation) {
        boolean isForm = request.headers().first(HeaderNames.CONTENT_TYPE)
                .map(FormFields::isUrlEncoded)
                .orElse(false);
        if (!isForm || !request.content().hasEntity()) {
            return new FormFields(Parameters.empty("form"), validation);
        }
        try {
            return new FormFields(request.content().as(Parameters.class), validation);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("There was an error parsing the body");
        }
    }

    /** A required field. */
    public String required(String name) {
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            validation.add(ValidationIssue.of("missing", List.of("body", name), "Field required", null));
            return null;
        }
        return value.get();
    }

    /** An optional field that, when given, must equal {@code expected} (a {@code ^expected$} pattern in OpenAPI). */
    public Optional<String> optionalExactly(String name, String expected) {
        Optional<String> value = value(name);
        value.filter(text -> !text.equals(expected)).ifPresent(text -> {
            String pattern = "^" + expected + "$";
            validation.add(new ValidationIssue("string_pattern_mismatch", List.of("body", name),
                                               "String should match pattern '" + pattern + "'", text,
                                               Map.of("pattern", pattern)));
        });
        return value;
    }

    private Optional<String> value(String name) {
        List<String> values = parameters.all(name, List::of);
        return values.isEmpty() || values.getLast().isEmpty() ? Optional.empty() : Optional.of(values.getLast());
    }

    private static boolean isUrlEncoded(String contentType) {
        try {
            return HttpMediaType.create(contentType).test(MediaTypes.APPLICATION_FORM_URLENCODED);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
