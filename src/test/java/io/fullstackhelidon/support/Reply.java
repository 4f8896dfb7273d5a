package io.fullstackhelidon.support;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.ClientResponseHeaders;
import io.helidon.http.HeaderNames;

/**
 * An HTTP answer as a test sees it.
 *
 * @param status  status code
 * @param headers response headers
 * @param text    body as text
 */
public record Reply(int status, ClientResponseHeaders headers, String text) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public JsonNode json() {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON (status " + status + "): " + text, e);
        }
    }

    /** The {@code detail} text of an error body. */
    public String detail() {
        return json().path("detail").asText();
    }

    /** The first validation issue of a 422 body. */
    public JsonNode firstIssue() {
        return json().path("detail").path(0);
    }

    public Optional<String> header(String name) {
        return headers.first(HeaderNames.create(name));
    }

    @Override
    public String toString() {
        return status + " " + text;
    }
}
