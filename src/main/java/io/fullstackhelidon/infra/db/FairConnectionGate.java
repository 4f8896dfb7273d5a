package io.fullstackhelidon.infra.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/**
 * First come, first served for pooled connections. HikariCP lets a newly arriving borrower take a connection that
 * was just returned ahead of the threads already waiting for one; with many more requests than connections (virtual
 * threads make that the normal case) some requests then wait far longer than the rest, up to the pool timeout. A fair
 * semaphore with one permit per connection queues borrowers in arrival order; the permit is released when the
 * connection is closed (returned to the pool).
 */
final class FairConnectionGate {

    private final DataSource pool;
    private final Semaphore permits;
    private final Duration timeout;
    private final LongAdder timeouts = new LongAdder();

    /** {@code pool} has {@code connections} connections and no borrowers but this gate's. */
    FairConnectionGate(DataSource pool, int connections, Duration timeout) {
        this.pool = pool;
        this.permits = new Semaphore(connections, true);
        this.timeout = timeout;
    }

    /** Borrowers waiting for a connection. */
    int waiting() {
        return permits.getQueueLength();
    }

    /** Borrowers that waited the whole time-out in the queue. */
    long timeouts() {
        return timeouts.sum();
    }

    /**
     * A pooled connection, once every borrower that came earlier has had theirs; {@code whenItsTurn} runs once the
     * borrower's turn has come, before the pool is asked (it may refuse by throwing).
     */
    Connection connection(Runnable whenItsTurn) throws SQLException {
        try {
            if (!permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timeouts.increment();
                throw new Busy("No connection available within " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the database did not fail, the wait was cut short (a body deadline, or the stop)
            throw new Busy("Interrupted while waiting for a connection");
        }
        try {
            whenItsTurn.run();
            Connection connection = pool.getConnection();
            return new GatedConnection(connection, permits);
        } catch (SQLException | RuntimeException e) {
            // with a permit there is a connection to be had: the pool failed to make one
            permits.release();
            throw e;
        }
    }

    /** No connection within the wait although the database may well answer: every connection is in use. */
    static final class Busy extends SQLTransientConnectionException {

        Busy(String message) {
            super(message);
        }
    }
}
