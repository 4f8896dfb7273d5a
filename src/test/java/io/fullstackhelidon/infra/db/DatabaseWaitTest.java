package io.fullstackhelidon.infra.db;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.fullstackhelidon.infra.config.ConfigurationException;
import io.fullstackhelidon.support.TestDatabases;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The template's {@code test_backend_pre_start.py} and {@code test_test_pre_start.py}, and the retry behaviour. */
class DatabaseWaitTest {

    @Test
    void initSuccessfulConnectionRunsSelectOneExactlyOnce() {
        AtomicInteger selects = new AtomicInteger();

        DatabaseWait.until(selects::incrementAndGet, 5, Duration.ZERO);

        assertThat(selects).hasValue(1);
    }

    @Test
    void retriesUntilTheDatabaseAnswers() {
        AtomicInteger attempts = new AtomicInteger();

        DatabaseWait.until(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new SQLException("connection refused");
            }
        }, 5, Duration.ZERO);

        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpWithTheLastError() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> DatabaseWait.until(() -> {
            attempts.incrementAndGet();
            throw new SQLException("connection refused");
        }, 4, Duration.ZERO))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("after 4 attempts")
                .hasMessageContaining("connection refused");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void aRealDatabaseIsReachable() {
        assertThatNoException().isThrownBy(
                () -> DatabaseWait.untilReachable(TestDatabases.settings(TestDatabases.freshUrl())));
    }
}
