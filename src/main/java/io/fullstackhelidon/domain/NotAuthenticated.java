package io.fullstackhelidon.domain;

/** The caller did not try to authenticate (no bearer token). */
public final class NotAuthenticated extends DomainException {

    public NotAuthenticated() {
        super("Not authenticated");
    }
}
