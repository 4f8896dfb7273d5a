package io.fullstackhelidon.domain;

/** The change would clash with what another record holds (an e-mail address that is taken). */
public final class Conflict extends DomainException {

    public Conflict(String detail) {
        super(detail);
    }
}
