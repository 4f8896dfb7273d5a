package io.fullstackhelidon.infra.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the service is run and watched.
 *
 * @param logFormat        {@code json} (production default) or {@code text} (development default), {@code LOG_FORMAT}
 * @param sentryDsn        Sentry project to report errors to ({@code SENTRY_DSN}); ignored in development
 * @param shutdownDrain    how long readiness reports 503 before the server stops taking requests
 * @param readinessTimeout how long the database readiness check waits for {@code SELECT 1}
 * @param pinnedThreshold  a virtual thread pinned to its carrier longer than this is counted
 */
public record OperationsSettings(String logFormat,
                                 Optional<String> sentryDsn,
                                 Duration shutdownDrain,
                                 Duration readinessTimeout,
                                 Duration pinnedThreshold) {

    public OperationsSettings {
        if (!logFormat.equals("json") && !logFormat.equals("text")) {
            throw new ConfigurationException("LOG_FORMAT must be json or text, not " + logFormat);
        }
        Objects.requireNonNull(sentryDsn, "sentryDsn");
        Objects.requireNonNull(shutdownDrain, "shutdownDrain");
        Objects.requireNonNull(readinessTimeout, "readinessTimeout");
        Objects.requireNonNull(pinnedThreshold, "pinnedThreshold");
    }

    @Override
    public String toString() {
        return "OperationsSettings[" + logFormat + ", sentry=" + sentryDsn.isPresent() + ", drain=" + shutdownDrain
               + ", readinessTimeout=" + readinessTimeout + "]";
    }
}
