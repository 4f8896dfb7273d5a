package io.fullstackhelidon.domain;

import java.util.Objects;
import java.util.OptionalLong;

/** The service cannot do this now (e-mail is not configured, too many password checks at once). */
public final class Unavailable extends DomainException {

    private final OptionalLong retryAfterSeconds;

    /** Unavailable until the configuration changes. */
    public Unavailable(String detail) {
        this(detail, OptionalLong.empty());
    }

    /** Unavailable for about {@code retryAfterSeconds}. */
    public Unavailable(String detail, long retryAfterSeconds) {
        this(detail, OptionalLong.of(retryAfterSeconds));
    }

    private Unavailable(String detail, OptionalLong retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = Objects.requireNonNull(retryAfterSeconds);
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
