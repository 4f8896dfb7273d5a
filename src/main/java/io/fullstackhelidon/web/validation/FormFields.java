package io.fullstackhelidon.web.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fullstackhelidon.web.ApiException;

import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.ServerRequest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * The fields of an HTML form body ({@code application/x-www-form-urlencoded} or {@code multipart/form-data}). Like
 * Starlette, any other content type reads as an empty form, and like FastAPI an empty value counts as a missing field.
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
        Optional<HttpMediaType> type = request.headers().first(HeaderNames.CONTENT_TYPE).flatMap(FormFields::mediaType);
        if (type.isEmpty() || !request.content().hasEntity()) {
            return new FormFields(Parameters.empty("form"), validation);
        }
        try {
            if (type.get().test(MediaTypes.APPLICATION_FORM_URLENCODED)) {
                return new FormFields(request.content().as(Parameters.class), validation);
            }
            if (type.get().test(MediaTypes.MULTIPART_FORM_DATA)) {
                String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElseThrow();
                return new FormFields(multipart(request.content().as(byte[].class), contentType), validation);
            }
            return new FormFields(Parameters.empty("form"), validation);
        } catch (RuntimeException | MessagingException | IOException e) {
            throw ApiException.badRequest("There was an error parsing the body");
        }
    }

    /** The text fields of a multipart form, parsed by Jakarta Mail's MIME implementation; file parts are skipped. */
    private static Parameters multipart(byte[] body, String contentType) throws MessagingException, IOException {
        MimeMultipart parts = new MimeMultipart(new ByteArrayDataSource(body, contentType));
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            String[] disposition = part.getHeader("Content-Disposition");
            if (disposition == null || part.getFileName() != null) {
                continue;
            }
            String name = new ContentDisposition(disposition[0]).getParameter("name");
            if (name != null) {
                String value = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return Parameters.create("form", fields);
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

    private static Optional<HttpMediaType> mediaType(String contentType) {
        try {
            return Optional.of(HttpMediaType.create(contentType));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
