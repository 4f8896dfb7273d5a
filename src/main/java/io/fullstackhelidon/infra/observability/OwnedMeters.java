package io.fullstackhelidon.infra.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;

/**
 * Meters that read the state of one application instance (a pool, a mailer, a limiter): registered through here and
 * removed when the instance closes, so that a later instance in the same JVM (tests, restarts) registers its own
 * instead of finding the old ones bound to closed objects.
 */
public final class OwnedMeters implements AutoCloseable {

    private final Supplier<MeterRegistry> registrySource;
    private final List<Meter> owned = new CopyOnWriteArrayList<>();
    private final List<Object> states = new CopyOnWriteArrayList<>();
    private volatile MeterRegistry registry;

    /**
     * Meters of the registry {@code registrySource} gives, asked for at the first use: Helidon's global registry takes
     * 0.1 s to build, which the composition root spends on a thread of its own while it wires the rest.
     */
    public OwnedMeters(Supplier<MeterRegistry> registrySource) {
        this.registrySource = registrySource;
    }

    public MeterRegistry registry() {
        MeterRegistry known = registry;
        if (known == null) {
            synchronized (this) {
                if (registry == null) {
                    registry = registrySource.get();
                }
                known = registry;
            }
        }
        return known;
    }

    /** Registers a meter bound to this instance's state. */
    public <B extends Meter.Builder<B, M>, M extends Meter> M register(B builder) {
        M meter = registry().getOrCreate(builder);
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
        MeterRegistry known = registry;
        if (known != null) {
            owned.forEach(known::remove);
        }
        owned.clear();
        states.clear();
    }
}
