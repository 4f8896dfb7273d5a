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

    /**
     * Meters of the registry {@code registrySource} gives, asked for at each use and so not before the first: Helidon's
     * global registry takes 0.1 s to build, which the composition root spends on a thread of its own while it wires the
     * rest (its source is that build's result, the same registry every time).
     */
    public OwnedMeters(Supplier<MeterRegistry> registrySource) {
        this.registrySource = registrySource;
    }

    public MeterRegistry registry() {
        return registrySource.get();
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
        if (!owned.isEmpty()) {
            // the registry was had for these, so asking for it again does not build it
            owned.forEach(registrySource.get()::remove);
        }
        owned.clear();
        states.clear();
    }
}
