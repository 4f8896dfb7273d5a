package io.fullstackhelidon.contract;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Python {@code json} module wording for Jackson's parse errors, as FastAPI reports them in {@code ctx.error}. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "Expecting value";
        }
        if (message.contains("double-quote to start field name")) {
            return "Expecting property name enclosed in double quotes";
        }
        if (message.contains("expecting comma") || message.contains("was expecting a comma")) {
            return "Expecting ',' delimiter";
        }
        if (message.contains("expecting a colon")) {
            return "Expecting ':' delimiter";
        }
        if (message.contains("Illegal unquoted character")) {
            return "Invalid control character at";
        }
        if (message.contains("Unrecognized character escape")) {
            return "Invalid \\escape";
        }
        if (message.contains("Trailing token")) {
            return "Extra data";
        }
        if (message.contains("end-of-input") && message.contains("String value")) {
            return "Unterminated string starting at";
        }
        return "Expecting value";
    }
}
