package io.fullstackhelidon.contract;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Answers requests the server rejects before routing (an unparsable request line or header, a body over the size
 * limit) in the contract's JSON shape, {@code {"detail": "Bad Request"}}, instead of Helidon's plain-text message,
 * which can echo parser internals.
 */
public final class JsonDirectHandler implements DirectHandler {

    private JsonDirectHandler() {
    }

    /** Direct handlers for every event type. */
    public static DirectHandlers all() {
        JsonDirectHandler handler = new JsonDirectHandler();
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, handler);
        }
        return handlers.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        TransportResponse.Builder response = TransportResponse.builder()
                .status(defaultStatus)
                .headers(responseHeaders);
        if (defaultStatus.code() >= 500) {
            return response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .entity("Internal Server Error")
                    .build();
        }
        String reason = defaultStatus.reasonPhrase().replace("\\", "\\\\").replace("\"", "\\\"");
        return response.header(HeaderValues.CONTENT_TYPE_JSON)
                .entity("{\"detail\":\"" + reason + "\"}")
                .build();
    }
}
