package io.fullstackhelidon.infra.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.fullstackhelidon.contract.ErrorBody;
import io.fullstackhelidon.contract.Json;
import io.fullstackhelidon.infra.config.HttpSettings;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Bounds the work that large request bodies can take. The largest valid body is a few KiB, yet any request may send
 * up to {@code server.max-payload-size}; fifty clients sending 900 KB each take enough heap and CPU to slow every other
 * request down by a factor of a hundred. Two bounds, because each large body costs several times its size in
 * allocations (bytes, text, parse tree, and a 422 that echoes the input, as the template's does): a few at a time,
 * and a budget of body bytes per second, so the garbage collector keeps up. A request whose body is larger than the
 * threshold (or of unknown length) waits for both, briefly, and is otherwise answered 503 with {@code Retry-After};
 * smaller requests never wait here. The permit is held while the request is processed, body reading included, which
 * {@code http.body.timeout} bounds.
 */
public final class LargeBodyLimit implements Filter {

    static final String BUSY = "Too many large requests in progress, try again shortly";

    private final long thresholdBytes;
    private final Semaphore permits;
    private final Duration maxWait;
    private final Json json;
    private final Bucket bytes;
    private final long bytesPerSecond;

    public LargeBodyLimit(HttpSettings.LargeBodies settings, Json json) {
        this.json = json;
        this.bytesPerSecond = settings.bytesPerSecond();
        this.bytes = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(bytesPerSecond)
                                  .refillGreedy(bytesPerSecond, Duration.ofSeconds(1)).build())
                .build();
        this.thresholdBytes = settings.thresholdBytes();
        this.permits = new Semaphore(settings.maxConcurrent(), true);
        this.maxWait = settings.maxWait();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (!large(request)) {
            chain.proceed();
            return;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        long cost = Math.min(request.headers().contentLength().orElse(bytesPerSecond), bytesPerSecond);
        boolean admitted;
        try {
            admitted = bytes.asBlocking().tryConsume(cost, maxWait)
                       && permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            // answered here, as the rate limits are: the refusal comes before any handler and its error mapping
            response.header(HeaderNames.RETRY_AFTER, "1");
            // the body is not read: closing beats draining up to a megabyte that nobody will use
            response.header(HeaderValues.CONNECTION_CLOSE);
            json.send(response, Status.SERVICE_UNAVAILABLE_503, new ErrorBody(BUSY));
            return;
        }
        try {
            chain.proceed();
        } finally {
            permits.release();
        }
    }

    private boolean large(RoutingRequest request) {
        if (!request.content().hasEntity()) {
            return false;
        }
        return request.headers().contentLength().orElse(Long.MAX_VALUE) > thresholdBytes;
    }
}
