package io.fullstackhelidon.infra.observability;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * The readiness check of the instance's own state: DOWN while it starts (the server listens before the database is
 * open, migrated and has its superuser), UP once it serves, and DOWN first when it is told to stop, so that load
 * balancers send no request before it can answer and stop sending new ones while those in flight finish.
 */
public final class TrafficReadiness implements HealthCheck {

    private enum State {
        STARTING("starting"), SERVING("serving"), STOPPING("shutting down");

        private final String text;

        State(String text) {
            this.text = text;
        }
    }

    private volatile State state = State.STARTING;

    /** The instance is ready: readiness answers 200, unless a stop has already begun. */
    public synchronized void serve() {
        if (state == State.STARTING) {
            state = State.SERVING;
        }
    }

    /** From now on readiness answers 503. */
    public synchronized void stop() {
        state = State.STOPPING;
    }

    /** Whether a stop is under way. */
    public boolean isStopping() {
        return state == State.STOPPING;
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
        State now = state;
        return HealthCheckResponse.builder()
                .status(now == State.SERVING)
                .detail("state", now.text)
                .build();
    }
}
