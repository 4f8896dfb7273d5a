package io.fullstackhelidon.contract;

import java.util.Map;

/**
 * A JSON answer with headers of its own: what the service adds beyond the template rides in headers a template client
 * never reads.
 *
 * @param body    the JSON body
 * @param headers extra response headers
 */
public record JsonWithHeaders(Object body, Map<String, String> headers) {

    public JsonWithHeaders {
        headers = Map.copyOf(headers);
    }
}
