package io.fullstackhelidon.web.validation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fullstackhelidon.web.Json;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;

/**
 * The body of a request to a JSON endpoint, read the way FastAPI reads it: parsed as JSON only when the
 * Content-Type is {@code application/json} or {@code application/*+json}; malformed JSON is rejected at once (before
 * authentication) with a {@code json_invalid} issue.
 */
public sealed interface JsonBody {

    /** No body bytes at all. */
    record Absent() implements JsonBody {
    }

    /** A parsed JSON document. */
    record Document(JsonNode node) implements JsonBody {
    }

    /** Bytes sent with another (or no) Content-Type: not JSON as far as the API is concerned. */
    record Unparsed(String text) implements JsonBody {
    }

    /** Reads and, when declared as JSON, parses the request body. */
    static JsonBody read(ServerRequest request, Json json) {
        if (!request.content().hasEntity()) {
            return new Absent();
        }
        byte[] bytes = request.content().as(byte[].class);
        if (bytes.length == 0) {
            return new Absent();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!declaresJson(request)) {
            return new Unparsed(text);
        }
        try {
            return new Document(json.parse(text));
        } catch (JsonProcessingException e) {
            long offset = Optional.ofNullable(e.getLocation()).map(location -> location.getCharOffset()).orElse(0L);
            throw new RequestValidationException(List.of(new ValidationIssue(
                    "json_invalid", List.of("body", Math.max(0, offset)), "JSON decode error", Map.of(),
                    Map.of("error", JsonErrors.describe(e)))));
        }
    }

    private static boolean declaresJson(ServerRequest request) {
        return request.headers().first(HeaderNames.CONTENT_TYPE)
                .map(value -> {
                    try {
                        HttpMediaType type = HttpMediaType.create(value);
                        String subtype = type.mediaType().subtype().toLowerCase();
                        return type.mediaType().type().equalsIgnoreCase("application")
                               && (subtype.equals("json") || subtype.endsWith("+json"));
                    } catch (RuntimeException e) {
                        return false;
                    }
                })
                .orElse(false);
    }
}
