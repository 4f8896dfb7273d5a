package io.fullstackhelidon.infra.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;

/**
 * Meters that read the state of one application instance (a pool, a mailer, a limiter): registered through here and
 * removed when the instance closes, so that a later instance in the same JVM (tests, restarts) registers its own
 * instead of finding the old ones bound to closed objects.
 */
public final class OwnedMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final List<Meter> owned = new CopyOnWriteArrayList<>();
    private final List<Object> states = new CopyOnWriteArrayList<>();

    public OwnedMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Registers a meter bound to this instance's state. */
    public <B extends Meter.Builder<B, M>, M extends Meter> M register(B builder) {
        M meter = registry.getOrCreate(builder);
        owned.add(meter);
        return meter;
    }

    /**
     * Registers a functional meter reading {@code state}, and keeps {@code state} reachable: the registry holds it
     * only weakly, so a lambda nobody else holds would be collected and the meter would read 0.
     */
    public <B extends Meter.Builder<B, M>, M extends Meter> M register(B builder, Object state) {
        states.add(state);
        return register(builder);
    }

    @Override
    public void close() {
        owned.forEach(registry::remove);
        owned.clear();
        states.clear();
    }
}
