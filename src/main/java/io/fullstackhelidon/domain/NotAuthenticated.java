package io.fullstackhelidon.domain;

/** The caller is not authenticated: no bearer token, or a credential that does not authenticate (401). */
public final class NotAuthenticated extends DomainException {

    public NotAuthenticated() {
        super("Not authenticated");
    }

    /** Authentication was tried and failed, with a text of its own (a refresh token that is no longer good). */
    public NotAuthenticated(String detail) {
        super(detail);
    }
}
