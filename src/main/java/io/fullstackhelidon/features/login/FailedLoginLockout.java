package io.fullstackhelidon.features.login;

import io.fullstackhelidon.domain.Throttled;
import io.fullstackhelidon.infra.config.RateLimitSettings.Rule;
import io.fullstackhelidon.infra.ratelimit.LimitDecision;
import io.fullstackhelidon.infra.ratelimit.RateLimiter;

/**
 * Brute-force protection per account: after as many failed logins as the rule allows within its period, the account
 * (the e-mail address as typed) is locked for the rest of the period, even for the right password; a successful
 * login clears the count. The address does not have to exist, so locking reveals nothing.
 */
public final class FailedLoginLockout {

    private final RateLimiter limiter;
    private final Rule failedLogins;

    public FailedLoginLockout(RateLimiter limiter, Rule failedLogins) {
        this.limiter = limiter;
        this.failedLogins = failedLogins;
    }

    /** Answers 429 when the account is locked. */
    public void ensureNotLocked(String username) {
        LimitDecision decision = limiter.peek(username, failedLogins);
        if (!decision.allowed()) {
            throw new Throttled("Too many failed login attempts for this account, retry after "
                                + decision.retryAfterSeconds() + " seconds", decision.retryAfterSeconds());
        }
    }

    public void failed(String username) {
        limiter.tryConsume(username, failedLogins);
    }

    public void succeeded(String username) {
        limiter.reset(username, failedLogins);
    }
}
