package io.fullstackhelidon.web;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;

/**
 * A request's headers must arrive within a bounded time once its request line has: a client that trickles them
 * (slowloris) is disconnected then, instead of holding a connection and a thread for as long as the header size limit
 * allows (hours at a byte a second). Helidon 4.1.7 bounds only the wait for a request line (its idle-connection
 * time-out, which also ends idle keep-alive connections), and nothing once the request line is in.
 *
 * <p>An HTTP/1.1 connection listener: the request line arms the deadline, the end of the headers disarms it (two
 * map updates per request; a timer per request cost a quarter more CPU per request), and a sweep every
 * {@value #SWEEPS_PER_DEADLINE}th of the deadline closes the connections whose deadline has passed.
 */
public final class RequestHeadDeadline implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(RequestHeadDeadline.class.getName());

    private static final int SWEEPS_PER_DEADLINE = 10;

    private final Duration limit;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("request-head-deadline").daemon().factory());
    /** Connections reading headers, with the System.nanoTime() by which they must have them. */
    private final Map<ConnectionContext, Long> armed = new ConcurrentHashMap<>();
    private final AtomicLong closed = new AtomicLong();

    public RequestHeadDeadline(Duration limit) {
        this.limit = limit;
        long period = Math.max(1, limit.toMillis() / SWEEPS_PER_DEADLINE);
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** The listener for what a connection receives, passing every event on to {@code next}. */
    public Http1ConnectionListener receiving(Http1ConnectionListener next) {
        return new Forwarding(next) {
            @Override
            public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
                armed.put(ctx, System.nanoTime() + limit.toNanos());
                super.prologue(ctx, prologue);
            }

            @Override
            public void headers(ConnectionContext ctx, Headers headers) {
                armed.remove(ctx);
                super.headers(ctx, headers);
            }
        };
    }

    /** Connections closed because their headers did not arrive in time. */
    public long closedConnections() {
        return closed.get();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    private void sweep() {
        long now = System.nanoTime();
        armed.forEach((ctx, deadline) -> {
            if (now - deadline > 0 && armed.remove(ctx, deadline)) {
                closed.incrementAndGet();
                LOGGER.log(Level.DEBUG, () -> "Closing " + ctx.remotePeer().address() + ": no complete headers within "
                                              + limit.toMillis() + " ms of the request line");
                try {
                    ctx.serverSocket().close();
                } catch (java.io.UncheckedIOException alreadyClosed) {
                    // the client went away meanwhile: nothing left to close
                }
            }
        });
    }

    /**
     * Passes every event on. (Helidon 4.1.7 joins two or more configured listeners into one that passes nothing on,
     * so this one wraps the configured one rather than joining it.)
     */
    private static class Forwarding implements Http1ConnectionListener {

        private final Http1ConnectionListener next;

        Forwarding(Http1ConnectionListener next) {
            this.next = next;
        }

        @Override
        public void data(ConnectionContext ctx, BufferData data) {
            next.data(ctx, data);
        }

        @Override
        public void data(ConnectionContext ctx, byte[] bytes, int offset, int length) {
            next.data(ctx, bytes, offset, length);
        }

        @Override
        public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
            next.prologue(ctx, prologue);
        }

        @Override
        public void headers(ConnectionContext ctx, Headers headers) {
            next.headers(ctx, headers);
        }

        @Override
        public void status(ConnectionContext ctx, Status status) {
            next.status(ctx, status);
        }
    }
}
