package io.fullstackhelidon.domain;

import java.util.Objects;

/**
 * A request the service refuses for a reason of its own rules, said in {@code detail} (the text clients of the template
 * match on). Services throw these; the web layer alone decides how each kind is answered, so no rule knows about HTTP.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidRequest, NotAuthenticated, NotPermitted, NotFound, Conflict, PreconditionFailed, Throttled,
                Unavailable, Unprocessable {

    private final String detail;

    protected DomainException(String detail) {
        super(detail, null, false, false);
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** What the client is told. */
    public String detail() {
        return detail;
    }
}
