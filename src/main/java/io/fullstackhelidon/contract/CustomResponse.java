package io.fullstackhelidon.contract;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * An answer that is not a JSON record, such as an HTML page with extra headers.
 *
 * @param contentType its media type
 * @param headers     extra response headers
 * @param body        its bytes
 */
public record CustomResponse(String contentType, Map<String, String> headers, byte[] body) {

    public CustomResponse {
        headers = Map.copyOf(headers);
    }

    /** An HTML page. */
    public static CustomResponse html(String html, Map<String, String> headers) {
        return new CustomResponse("text/html; charset=utf-8", headers, html.getBytes(StandardCharsets.UTF_8));
    }

    void send(ServerResponse response, Status status) {
        response.status(status).header(HeaderNames.CONTENT_TYPE, contentType);
        headers.forEach((name, value) -> response.header(HeaderNames.create(name), value));
        response.send(body);
    }
}
