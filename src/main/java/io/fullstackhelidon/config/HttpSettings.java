package io.fullstackhelidon.config;

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
 * @param headTimeout    a request line and headers must arrive within this once their first byte has
 */
public record HttpSettings(boolean hsts, Optional<Integer> managementPort, Duration bodyTimeout, Duration headTimeout) {

    public HttpSettings {
        Objects.requireNonNull(managementPort, "managementPort");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(headTimeout, "headTimeout");
    }
}
