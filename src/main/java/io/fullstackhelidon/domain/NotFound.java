package io.fullstackhelidon.domain;

/** What the request names does not exist. */
public final class NotFound extends DomainException {

    public NotFound(String detail) {
        super(detail);
    }
}
