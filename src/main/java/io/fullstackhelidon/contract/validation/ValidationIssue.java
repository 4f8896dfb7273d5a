package io.fullstackhelidon.contract.validation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a 422 body, in the shape FastAPI/Pydantic v2 produce:
 * {@code {"type", "loc", "msg", "input", "ctx"?}}.
 *
 * @param type  Pydantic's error code, such as {@code missing} or {@code string_too_short}
 * @param loc   where: {@code "body"}, {@code "query"} or {@code "path"}, then field names or indexes
 * @param msg   the human-readable message
 * @param input the offending value (JSON), or {@code null}
 * @param ctx   details for some types, omitted when {@code null}
 */
public record ValidationIssue(String type,
                              List<Object> loc,
                              String msg,
                              Object input,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> ctx) {

    public ValidationIssue {
        loc = List.copyOf(loc);
    }

    static ValidationIssue of(String type, List<Object> loc, String msg, Object input) {
        return new ValidationIssue(type, loc, msg, input, null);
    }
}
