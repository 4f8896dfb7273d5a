package io.fullstackhelidon.domain;

/** The caller's credentials are bad, or they are not allowed to do this. */
public final class NotPermitted extends DomainException {

    public NotPermitted(String detail) {
        super(detail);
    }
}
