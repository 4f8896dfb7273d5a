package io.fullstackhelidon.infra.db;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connections go to borrowers in arrival order, closing gives the place back once, and a wait is bounded. */
class FairConnectionGateTest {

    /** No check when a borrower's turn comes. */
    private static final Runnable ANY_TIME = () -> { };

    private final JdbcDataSource database = new JdbcDataSource();

    FairConnectionGateTest() {
        database.setURL("jdbc:h2:mem:gate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void waitingBorrowersAreServedInArrivalOrderAndANewcomerQueuesBehindThem() throws Exception {
        FairConnectionGate gate = new FairConnectionGate(database, 1, Duration.ofSeconds(10));
        List<String> served = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        Connection held = gate.connection(ANY_TIME);

        for (String borrower : List.of("first", "second", "third")) {
            int ahead = gate.waiting();
            Thread.ofVirtual().start(() -> {
                try (Connection connection = gate.connection(ANY_TIME)) {
                    served.add(borrower);
                    connection.createStatement().execute("SELECT 1");
                } catch (Exception e) {
                    served.add(borrower + " failed: " + e);
                } finally {
                    done.countDown();
                }
            });
            awaitWaiting(gate, ahead + 1);
        }
        held.close();
        try (Connection newcomer = gate.connection(ANY_TIME)) {
            served.add("newcomer");
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(served).containsExactly("first", "second", "third", "newcomer");
    }

    @Test
    void aNewcomerNeverTakesTheConnectionAWaitingBorrowerIsDue() throws Exception {
        FairConnectionGate gate = new FairConnectionGate(database, 1, Duration.ofSeconds(10));
        // the newcomer arrives the moment the connection comes back: an unfair pool lets it win that race now and then
        for (int round = 0; round < 200; round++) {
            List<String> served = new CopyOnWriteArrayList<>();
            Connection held = gate.connection(ANY_TIME);
            Thread waiter = Thread.ofPlatform().start(() -> {
                try (Connection connection = gate.connection(ANY_TIME)) {
                    served.add("waiter");
                } catch (Exception e) {
                    served.add("waiter failed: " + e);
                }
            });
            awaitWaiting(gate, 1);
            held.close();
            try (Connection newcomer = gate.connection(ANY_TIME)) {
                served.add("newcomer");
            }
            assertThat(waiter.join(Duration.ofSeconds(10))).as("round %d: the waiter was served", round).isTrue();
            assertThat(served).as("round %d", round).containsExactly("waiter", "newcomer");
        }
    }

    @Test
    void closingTwiceGivesBackOnePlace() throws Exception {
        FairConnectionGate gate = new FairConnectionGate(database, 1, Duration.ofMillis(100));
        Connection connection = gate.connection(ANY_TIME);
        connection.close();
        connection.close();

        Connection next = gate.connection(ANY_TIME);
        assertThatThrownBy(() -> gate.connection(ANY_TIME)).as("still only one connection").isInstanceOf(SQLTransientConnectionException.class);
        next.close();
    }

    @Test
    void aBorrowerWaitsNoLongerThanTheTimeout() throws Exception {
        FairConnectionGate gate = new FairConnectionGate(database, 1, Duration.ofMillis(200));
        try (Connection held = gate.connection(ANY_TIME)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> gate.connection(ANY_TIME)).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessage("No connection available within 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(held.isValid(1)).isTrue();
            assertThat(gate.timeouts()).as("counted for db_pool_queue_timeouts_total").isEqualTo(1);
        }
    }

    /** Until {@code count} borrowers wait at the gate; fails after 10 s. */
    private static void awaitWaiting(FairConnectionGate gate, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gate.waiting() < count) {
            assertThat(System.nanoTime()).as("%d borrowers waiting within 10 s", count).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
