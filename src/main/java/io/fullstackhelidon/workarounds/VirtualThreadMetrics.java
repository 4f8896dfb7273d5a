package io.fullstackhelidon.workarounds;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Timer;
import jdk.jfr.consumer.RecordingStream;

/**
 * Virtual-thread meters on JDK 21 and later, from the JVM's Flight Recorder events, as Helidon 4.2 publishes them
 * ({@code metrics.virtual-threads}; Helidon 4.1.7 has none): how often a virtual thread stayed pinned to its carrier
 * longer than the threshold ({@code vthreads.pinned}), for how long ({@code vthreads.recentPinned}), and how often
 * one could not be scheduled ({@code vthreads.submitFailures}). Starts and ends are not recorded: one event per
 * request each; requests in flight are {@code http.server.requests.active}.
 */
public final class VirtualThreadMetrics implements AutoCloseable {

    private static final String PINNED = "jdk.VirtualThreadPinned";
    private static final String SUBMIT_FAILED = "jdk.VirtualThreadSubmitFailed";

    /** Started off the caller's thread: the Flight Recorder's start takes a fifth of a second of the service's. */
    private final CompletableFuture<RecordingStream> events;
    private final LongAdder pinned = new LongAdder();
    private final LongAdder submitFailures = new LongAdder();

    private final MeterRegistry registry;
    private final List<Meter> meters;

    /** Meters in {@code registry}, removed again on {@link #close}; the counters they read live as long as this. */
    public VirtualThreadMetrics(MeterRegistry registry, Duration pinnedThreshold) {
        this.registry = registry;
        Timer pinnedTime = registry.getOrCreate(Timer.builder("vthreads.recentPinned")
                                                        .description("Time virtual threads stayed pinned to a carrier "
                                                                     + "thread, when longer than the threshold"));
        this.meters = List.of(
                pinnedTime,
                registry.getOrCreate(FunctionalCounter.builder("vthreads.pinned", pinned, LongAdder::sum)
                        .description("Virtual threads pinned to a carrier longer than the threshold")),
                registry.getOrCreate(FunctionalCounter.builder("vthreads.submitFailures", submitFailures, LongAdder::sum)
                        .description("Virtual threads that could not be started or unparked")));
        this.events = CompletableFuture.supplyAsync(() -> {
            RecordingStream stream = new RecordingStream();
            stream.enable(PINNED).withThreshold(pinnedThreshold);
            stream.enable(SUBMIT_FAILED);
            stream.onEvent(PINNED, event -> {
                pinned.increment();
                pinnedTime.record(event.getDuration());
            });
            stream.onEvent(SUBMIT_FAILED, event -> submitFailures.increment());
            stream.startAsync();
            return stream;
        });
    }

    @Override
    public void close() {
        // closes the recording once it started; one that could not start (the JVM was already stopping) has none
        events.thenAccept(RecordingStream::close);
        meters.forEach(registry::remove);
    }
}
