package io.fullstackhelidon.domain;

/**
 * Refused for now by a limit (an account locked after failed logins); allowed again after {@code retryAfterSeconds}.
 */
public final class Throttled extends DomainException {

    private final long retryAfterSeconds;

    public Throttled(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
