package io.fullstackhelidon.infra.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP-level hardening.
 *
 * @param hsts           send {@code Strict-Transport-Security} even on plain HTTP (behind a TLS-terminating proxy);
 *                       it is always sent on TLS connections and on requests a trusted proxy marks as https
 * @param managementPort serve {@code /health} and {@code /metrics} only on this port ({@code MANAGEMENT_PORT}; 0 picks
 *                       a free one); empty to serve them with the API
 * @param bodyTimeout    a request body must arrive within this once the service starts reading it
 * @param headTimeout    the headers must arrive within this once the request line has
 * @param largeBodies    how many requests with a large body are processed at once
 */
public record HttpSettings(boolean hsts, Optional<Integer> managementPort, Duration bodyTimeout, Duration headTimeout,
                           LargeBodies largeBodies) {

    public HttpSettings {
        Objects.requireNonNull(managementPort, "managementPort");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(headTimeout, "headTimeout");
        Objects.requireNonNull(largeBodies, "largeBodies");
    }

    /**
     * Requests whose body is larger than {@code thresholdBytes} (or of unknown length) are processed at most
     * {@code maxConcurrent} at a time and {@code bytesPerSecond} of body bytes a second; one waits at most
     * {@code maxWait} for its turn, then gets 503.
     *
     * @param thresholdBytes what counts as large
     * @param maxConcurrent  how many at once
     * @param bytesPerSecond body bytes of large requests admitted per second
     * @param maxWait        the longest wait for a turn
     */
    public record LargeBodies(long thresholdBytes, int maxConcurrent, long bytesPerSecond, Duration maxWait) {

        public LargeBodies {
            if (thresholdBytes < 0 || maxConcurrent < 1 || bytesPerSecond < 1) {
                throw new ConfigurationException("http.large-body needs threshold-bytes >= 0, max-concurrent >= 1 and "
                                                 + "bytes-per-second >= 1");
            }
            Objects.requireNonNull(maxWait, "maxWait");
        }
    }
}
