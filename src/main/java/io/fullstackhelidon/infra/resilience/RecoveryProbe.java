package io.fullstackhelidon.infra.resilience;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Finds a dependency back without waiting for traffic: while it is known to be down, one background thread tries it
 * every half of its breaker's delay, so that the breaker's half-open state is used soon after it begins (one attempt
 * at a time, each bounded by the dependency's own time-out), and the first success closes
 * its breaker. Without it only a request could close the breaker, and an instance that readiness takes out of
 * rotation gets no requests: after a short outage it would stay unready until someone restarted it.
 */
public final class RecoveryProbe implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(RecoveryProbe.class.getName());

    private final ScheduledExecutorService scheduler;

    /**
     * Starts probing.
     *
     * @param dependency   names the thread
     * @param breakerDelay how long the dependency's breaker stays open before it lets one call through
     * @param knownDown    whether the dependency is known to be down now (its breaker is not closed)
     * @param attempt      one call through the dependency's breaker; it throws while the dependency stays down
     */
    public RecoveryProbe(String dependency, Duration breakerDelay, BooleanSupplier knownDown, Runnable attempt) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(dependency + "-recovery").daemon().factory());
        long millis = Math.max(1, breakerDelay.toMillis() / 2);
        scheduler.scheduleWithFixedDelay(() -> probe(knownDown, attempt, dependency), millis, millis,
                                         TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private static void probe(BooleanSupplier knownDown, Runnable attempt, String dependency) {
        if (!knownDown.getAsBoolean()) {
            return;
        }
        try {
            attempt.run();
        } catch (RuntimeException stillDown) {
            // expected while the outage lasts: the breaker counted it, and the next period tries again
            LOGGER.log(System.Logger.Level.DEBUG, () -> dependency + " still down: " + stillDown);
        }
    }
}
