package io.fullstackhelidon.infra.observability;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * The readiness check that turns DOWN first when the service is told to stop, so that load balancers stop sending
 * new requests while the ones in flight finish.
 */
public final class ShutdownReadiness implements HealthCheck {

    private volatile boolean open = true;

    /** From now on readiness answers 503. */
    public void close() {
        open = false;
    }

    /** Whether the service still takes new traffic (no shutdown under way). */
    public boolean isOpen() {
        return open;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "accepting-traffic";
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder()
                .status(open)
                .detail("state", open ? "serving" : "shutting down")
                .build();
    }
}
