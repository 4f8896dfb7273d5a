package io.fullstackhelidon.contract.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of a request to a JSON endpoint as FastAPI sees it: nothing, a parsed document (when the Content-Type
 * declared JSON), or bytes of another type, which are not JSON as far as the API is concerned.
 */
public sealed interface JsonBody {

    /** No body bytes at all. */
    record Absent() implements JsonBody {
    }

    /** A parsed JSON document. */
    record Document(JsonNode node) implements JsonBody {
    }

    /** Bytes sent with another (or no) Content-Type. */
    record Unparsed(String text) implements JsonBody {
    }
}
