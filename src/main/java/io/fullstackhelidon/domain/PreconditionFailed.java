package io.fullstackhelidon.domain;

/** The client's {@code If-Match} names a version the resource no longer has: nothing was changed (412). */
public final class PreconditionFailed extends DomainException {

    public PreconditionFailed() {
        super("The resource changed since it was read");
    }
}
