package io.fullstackhelidon.infra.config;

import java.time.Duration;

/**
 * Refresh tokens, which a client asks for with {@code scope=offline_access} ({@code refresh.*}).
 *
 * @param idle     a token not used within this ends its family ({@code REFRESH_IDLE}, ISO-8601, default 14 days)
 * @param absolute a family ends this long after its login, however often it was used ({@code REFRESH_ABSOLUTE},
 *                 default 90 days)
 * @param families the live families a user may have; a new login ends the oldest beyond ({@code REFRESH_FAMILIES})
 * @param leeway   how long after its use a token presented again is taken for the same client racing itself and
 *                 refused without ending the family ({@code REFRESH_LEEWAY}; default zero: every reuse ends it, as
 *                 RFC 9700 section 4.14.2 has it)
 */
public record RefreshTokenSettings(Duration idle, Duration absolute, int families, Duration leeway) {

    public RefreshTokenSettings {
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0 || families < 1 || leeway.isNegative()
            || leeway.compareTo(idle) > 0) {
            throw new ConfigurationException("refresh needs idle > 0, absolute >= idle, families >= 1 and "
                                             + "0 <= leeway <= idle");
        }
    }
}
