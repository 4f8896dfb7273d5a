package io.fullstackhelidon.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fullstackhelidon.contract.validation.JsonBody;
import io.fullstackhelidon.contract.validation.RequestValidationException;
import io.fullstackhelidon.contract.validation.ValidationIssue;
import io.fullstackhelidon.domain.InvalidRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** Reads request bodies the way FastAPI does, the first step of every endpoint that declares one. */
final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The body of a JSON endpoint: parsed only when the Content-Type is {@code application/json} or
     * {@code application/*+json}; malformed JSON is a {@code json_invalid} 422 at once, before authentication.
     */
    static JsonBody json(ServerRequest request, Json json) {
        if (!request.content().hasEntity()) {
            return new JsonBody.Absent();
        }
        byte[] bytes = request.content().as(byte[].class);
        if (bytes.length == 0) {
            return new JsonBody.Absent();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!mediaType(request).map(RequestBodies::isJson).orElse(false)) {
            return new JsonBody.Unparsed(text);
        }
        try {
            return new JsonBody.Document(json.parse(text));
        } catch (JsonProcessingException e) {
            long offset = Optional.ofNullable(e.getLocation()).map(location -> location.getCharOffset()).orElse(0L);
            throw new RequestValidationException(List.of(new ValidationIssue(
                    "json_invalid", List.of("body", Math.max(0, offset)), "JSON decode error", Map.of(),
                    Map.of("error", JsonErrors.describe(e)))));
        }
    }

    /**
     * The fields of an HTML form body ({@code application/x-www-form-urlencoded} or {@code multipart/form-data}), the
     * last value of each; like Starlette, any other content type reads as an empty form. A body that cannot be parsed
     * is a 400, as in FastAPI.
     */
    static Map<String, String> form(ServerRequest request) {
        Optional<HttpMediaType> type = mediaType(request);
        if (type.isEmpty() || !request.content().hasEntity()) {
            return Map.of();
        }
        try {
            if (type.get().test(MediaTypes.APPLICATION_FORM_URLENCODED)) {
                Parameters parameters = request.content().as(Parameters.class);
                Map<String, String> fields = new HashMap<>();
                for (String name : parameters.names()) {
                    List<String> values = parameters.all(name, List::of);
                    fields.put(name, values.isEmpty() ? "" : values.getLast());
                }
                return fields;
            }
            if (type.get().test(MediaTypes.MULTIPART_FORM_DATA)) {
                return multipart(request.content().as(byte[].class),
                                 request.headers().first(HeaderNames.CONTENT_TYPE).orElseThrow());
            }
            return Map.of();
        } catch (RuntimeException | MessagingException | IOException e) {
            throw new InvalidRequest("There was an error parsing the body");
        }
    }

    /** The text fields of a multipart form, parsed by Jakarta Mail's MIME implementation; file parts are skipped. */
    private static Map<String, String> multipart(byte[] body, String contentType) throws MessagingException, IOException {
        MimeMultipart parts = new MimeMultipart(new ByteArrayDataSource(body, contentType));
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            String[] disposition = part.getHeader("Content-Disposition");
            if (disposition == null || part.getFileName() != null) {
                continue;
            }
            String name = new ContentDisposition(disposition[0]).getParameter("name");
            if (name != null) {
                fields.put(name, new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static boolean isJson(HttpMediaType type) {
        String subtype = type.mediaType().subtype().toLowerCase();
        return type.mediaType().type().equalsIgnoreCase("application")
               && (subtype.equals("json") || subtype.endsWith("+json"));
    }

    private static Optional<HttpMediaType> mediaType(ServerRequest request) {
        try {
            return request.headers().first(HeaderNames.CONTENT_TYPE).map(HttpMediaType::create);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
