package io.fullstackhelidon.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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

    FairConnectionGate(DataSource pool, int connections, Duration timeout) {
        this.pool = pool;
        this.permits = new Semaphore(connections, true);
        this.timeout = timeout;
    }

    /** Borrowers waiting for a connection. */
    int waiting() {
        return permits.getQueueLength();
    }

    /** A pooled connection, once every borrower that came earlier has had theirs. */
    Connection connection() throws SQLException {
        try {
            if (!permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException("No connection available within " + timeout.toMillis()
                                                          + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("Interrupted while waiting for a connection", e);
        }
        try {
            Connection connection = pool.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                                                       new Class<?>[] {Connection.class},
                                                       new ReleaseOnClose(connection, permits));
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Passes every call through; the first {@code close()} also gives the permit back. */
    private static final class ReleaseOnClose implements InvocationHandler {

        private final Connection connection;
        private final Semaphore permits;
        private final AtomicBoolean released = new AtomicBoolean();

        ReleaseOnClose(Connection connection, Semaphore permits) {
            this.connection = connection;
            this.permits = permits;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
                try {
                    connection.close();
                } finally {
                    if (released.compareAndSet(false, true)) {
                        permits.release();
                    }
                }
                return null;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
