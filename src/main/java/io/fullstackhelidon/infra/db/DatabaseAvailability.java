package io.fullstackhelidon.infra.db;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.time.Duration;
import java.util.Optional;

import io.fullstackhelidon.domain.CauseChain;
import io.fullstackhelidon.domain.DomainException;
import io.fullstackhelidon.domain.Unavailable;

import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.faulttolerance.CircuitBreakerOpenException;

/**
 * What the service knows about reaching its database, and the policy of every borrower: a Helidon circuit breaker
 * opens once connections cannot be made, and while it is open a borrower is answered 503 {@value #UNAVAILABLE} with
 * {@code Retry-After} at once instead of waiting for the pool's time-out again; after the breaker's delay the next
 * borrowers try again, and the first connection made closes it. A pool that is merely busy is not a database that is
 * down: its time-out is a 503 of its own and leaves the breaker alone.
 */
public final class DatabaseAvailability {

    /** The 503 answer while the database cannot be reached. */
    public static final String UNAVAILABLE = "Database unavailable";
    /** The 503 answer when every connection stays busy for the whole wait. */
    public static final String BUSY = "The service is busy, try again shortly";

    private static final System.Logger LOGGER = System.getLogger(DatabaseAvailability.class.getName());

    private final CircuitBreaker breaker;
    private final long retryAfterSeconds;
    private volatile boolean down;
    private volatile long lastConnectedNanos;
    private volatile boolean everConnected;

    public DatabaseAvailability(Duration breakerDelay, int volume, int errorRatio) {
        this.breaker = CircuitBreaker.builder()
                .name("database")
                .volume(volume)
                .errorRatio(errorRatio)
                .successThreshold(1)
                .delay(breakerDelay)
                .addApplyOn(CannotConnect.class)
                .build();
        this.retryAfterSeconds = Math.max(1, (breakerDelay.toMillis() + 999) / 1000);
    }

    /**
     * A connection from {@code pool}, or a 503: at once while the database is known to be down, after the pool's one
     * bounded wait otherwise.
     *
     * @param pool borrows a connection; throws {@link SQLException} when none can be had
     */
    Connection borrow(SqlSupplier<Connection> pool) {
        try {
            Connection connection = breaker.invoke(() -> attempt(pool));
            lastConnectedNanos = System.nanoTime();
            everConnected = true;
            if (down) {
                down = false;
                LOGGER.log(Level.WARNING, "The database answers again");
            }
            return connection;
        } catch (CircuitBreakerOpenException | CannotConnect e) {
            throw new Unavailable(UNAVAILABLE, retryAfterSeconds);
        }
    }

    /**
     * Whether {@code failure} says the connection to the database is gone: JDBC's connection exceptions (H2 raises
     * those with codes of its own), SQLSTATE class 08, or 57P01 to 57P03 (PostgreSQL shutting down, restarted, or
     * not accepting connections yet).
     */
    public static boolean isConnectionLoss(SQLException failure) {
        String state = failure.getSQLState();
        return failure instanceof SQLNonTransientConnectionException || failure instanceof SQLRecoverableException
               || state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                                    || state.equals("57P03"));
    }

    /**
     * The refusal a failure stands for when it says the connection to the database is gone: 503
     * {@value #UNAVAILABLE}, try again in a second.
     */
    public static Optional<DomainException> refusalOf(Throwable failure) {
        return failure instanceof SQLException sql && isConnectionLoss(sql)
               ? Optional.of(new Unavailable(UNAVAILABLE, 1)) : Optional.empty();
    }

    /** Whether connections cannot be made now (the breaker is not closed): readiness answers from this at once. */
    public boolean knownDown() {
        return breaker.state() != CircuitBreaker.State.CLOSED;
    }

    /** How long ago a borrower last got a connection, when one has and the breaker is closed. */
    public Optional<Duration> sinceLastConnection() {
        return knownDown() || !everConnected ? Optional.empty()
                                             : Optional.of(Duration.ofNanos(System.nanoTime() - lastConnectedNanos));
    }

    /**
     * For a borrower whose turn came after waiting in the queue: the breaker may have opened meanwhile, and then it
     * must not wait for the pool's time-out a second time.
     */
    void ensureNotKnownDown() {
        if (breaker.state() == CircuitBreaker.State.OPEN) {
            throw new Unavailable(UNAVAILABLE, retryAfterSeconds);
        }
    }

    private Connection attempt(SqlSupplier<Connection> pool) {
        try {
            return pool.get();
        } catch (SQLException e) {
            if (e instanceof FairConnectionGate.Busy) {
                throw new Unavailable(BUSY, 1);
            }
            if (!down) {
                down = true;
                // once per outage, as an error (so the error tracker hears of it), not once per request
                LOGGER.log(Level.ERROR, "The database cannot be reached (" + CauseChain.rootMessage(e) + "): answering 503 "
                                        + "until it answers again");
            }
            throw new CannotConnect(e);
        }
    }

    /** A JDBC supplier. */
    @FunctionalInterface
    interface SqlSupplier<T> {
        T get() throws SQLException;
    }

    /** No connection could be made: the failure the breaker counts. */
    private static final class CannotConnect extends RuntimeException {

        CannotConnect(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
