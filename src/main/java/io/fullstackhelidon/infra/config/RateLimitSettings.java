package io.fullstackhelidon.infra.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Rate limits ({@code ratelimit.*} in app.yaml, {@code RATELIMIT_*} in the environment).
 *
 * @param enabled        whether limits apply at all (benchmarks of raw throughput turn them off)
 * @param all            per client address, every API request
 * @param login          per client address, {@code POST /login/access-token}
 * @param signup         per client address, {@code POST /users/signup}
 * @param recovery       per client address, {@code POST /password-recovery/{email}}
 * @param reset          per client address, {@code POST /reset-password/}
 * @param failedLogins   per account: this many failed logins within the period lock it for the rest of the period
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} is believed ({@code PROXY_TRUSTED})
 */
public record RateLimitSettings(boolean enabled,
                                Rule all,
                                Rule login,
                                Rule signup,
                                Rule recovery,
                                Rule reset,
                                Rule failedLogins,
                                List<String> trustedProxies) {

    public RateLimitSettings {
        Objects.requireNonNull(all, "all");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(signup, "signup");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(failedLogins, "failedLogins");
        trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * At most {@code requests} within {@code period}: refilled continuously, or, for a lock-out, all at once when the
     * period has passed.
     *
     * @param name     what the limit is for, used in keys and metrics
     * @param requests capacity
     * @param period   time to refill the whole capacity
     * @param lockout  refill all at once at the end of the period instead of continuously
     */
    public record Rule(String name, long requests, Duration period, boolean lockout) {

        public Rule {
            Objects.requireNonNull(name, "name");
            if (requests < 1 || period.isZero() || period.isNegative()) {
                throw new ConfigurationException("Rate limit " + name + " needs requests >= 1 and a positive period");
            }
        }
    }

    /** The longest period of any rule: how long a bucket must be kept. */
    public Duration longestPeriod() {
        return Stream.of(all, login, signup, recovery, reset, failedLogins).map(Rule::period)
                .max(Duration::compareTo).orElseThrow();
    }
}
