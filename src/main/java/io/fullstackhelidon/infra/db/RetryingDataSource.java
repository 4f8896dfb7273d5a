package io.fullstackhelidon.infra.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * How the pool opens connections: an attempt the server refuses is repeated every {@code retry} for up to
 * {@code patience}. HikariCP sleeps between failed attempts with a back-off that doubles up to 5 s and cannot be
 * configured, so after an outage the pool would find the database again only up to 5 s after its return; an attempt
 * that is still retrying when the server is back connects within one {@code retry}. Only the pool's background
 * creator waits here; requests wait for the pool, within its time-out.
 */
final class RetryingDataSource implements DataSource {

    private final DataSource driver;
    private final Duration patience;
    private final Duration retry;

    RetryingDataSource(DataSource driver, Duration patience, Duration retry) {
        this.driver = driver;
        this.patience = patience;
        this.retry = retry;
    }

    @Override
    public Connection getConnection() throws SQLException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return driver.getConnection();
            } catch (SQLException e) {
                if (!DatabaseAvailability.isConnectionLoss(e) || System.nanoTime() + retry.toNanos() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(retry);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The pool's credentials are the connector's");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return driver.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || driver.isWrapperFor(type);
    }
}
