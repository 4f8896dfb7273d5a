package io.fullstackhelidon.infra.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

/**
 * Request meters: a latency histogram per method, route template and status class ({@code 2xx}...), and the
 * requests in flight. Labels are bounded: routes are templates, never raw paths.
 */
public final class HttpMetrics {

    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private record Labels(String method, String route, String statusClass) {
    }

    private final MeterRegistry registry;
    private final Map<Labels, Timer> timers = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    public HttpMetrics(OwnedMeters meters) {
        this.registry = meters.registry();
        meters.register(Gauge.builder("http.server.requests.active", inFlight, AtomicInteger::get)
                                .description("Requests being handled"));
    }

    void started() {
        inFlight.incrementAndGet();
    }

    void finished(String method, String route, int status, long nanos) {
        inFlight.decrementAndGet();
        Labels labels = new Labels(method, route, (status / 100) + "xx");
        // get first: computeIfAbsent locks the key's bin unless the key heads it, and every request of a route whose
        // labels share a bin with others then queued on that monitor (a third of the virtual threads under load)
        Timer timer = timers.get(labels);
        if (timer == null) {
            timer = timers.computeIfAbsent(labels, this::timer);
        }
        timer.record(Duration.ofNanos(nanos));
    }

    private Timer timer(Labels labels) {
        return registry.getOrCreate(Timer.builder("http.server.requests")
                                            .tags(List.of(Tag.create("method", labels.method()),
                                                          Tag.create("route", labels.route()),
                                                          Tag.create("status", labels.statusClass())))
                                            .buckets(BUCKETS)
                                            .description("HTTP requests by route template and status class"));
    }
}
