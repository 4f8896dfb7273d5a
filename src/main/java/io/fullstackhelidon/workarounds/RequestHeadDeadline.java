package io.fullstackhelidon.workarounds;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.helidon.webserver.ConnectionContext;

/**
 * A request head (request line and fields) must arrive within a bounded time of its first byte, and a connection's
 * first head within that time of the accept: a client that trickles either part (slowloris), or connects and sends
 * nothing, is disconnected then, instead of holding a connection and a thread for as long as the size limits allow
 * (hours at a byte a second). Helidon 4.1.7 bounds only the wait between requests (its idle-connection time-out).
 *
 * <p>{@link StrictHttp1} arms the deadline at the accept, and {@link RequestFraming} as each head begins and
 * ends (two map updates per request; a timer per request cost a quarter more CPU per request); a sweep every
 * {@value #SWEEPS_PER_DEADLINE}th of the deadline closes the connections whose deadline has passed. A connection idle
 * between requests is not armed: keep-alive is Helidon's idle time-out's business.
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

    /** From now on, {@code connection} has the deadline to complete the head it is reading (kept if already armed). */
    void arm(ConnectionContext connection) {
        armed.putIfAbsent(connection, System.nanoTime() + limit.toNanos());
    }

    /** {@code connection} has no head in progress. */
    void disarm(ConnectionContext connection) {
        armed.remove(connection);
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
                LOGGER.log(Level.DEBUG, () -> "Closing " + ctx.remotePeer().address() + ": no complete request head within "
                                              + limit.toMillis() + " ms of its first byte");
                try {
                    ctx.serverSocket().close();
                } catch (java.io.UncheckedIOException alreadyClosed) {
                    // the client went away meanwhile: nothing left to close
                }
            }
        });
    }
}
