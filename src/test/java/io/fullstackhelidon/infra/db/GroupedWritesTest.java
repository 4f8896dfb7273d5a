package io.fullstackhelidon.infra.db;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import io.fullstackhelidon.support.AtOnce;
import io.fullstackhelidon.support.Await;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupedWritesTest {

    /** Written again one by one: the batches failing on a constraint (SQLSTATE class 23). */
    private static final Predicate<RuntimeException> ON_CONSTRAINTS = failure -> failure.getCause()
            instanceof SQLException sql && sql.getSQLState().startsWith("23");

    /** What each call of the batch writer was given, in order. */
    private final List<List<String>> statements = new CopyOnWriteArrayList<>();

    @Test
    void aLoneValueIsWrittenAtOnceOnItsCallersThread() {
        List<Thread> writers = new ArrayList<>();
        GroupedWrites<String> writes = new GroupedWrites<>(values -> {
            writers.add(Thread.currentThread());
            statements.add(values);
        }, ON_CONSTRAINTS, 2, 32);

        writes.write("a");

        assertThat(statements).containsExactly(List.of("a"));
        assertThat(writers).containsExactly(Thread.currentThread());
        assertThat(writes.batches()).isEqualTo(1);
        assertThat(writes.values()).isEqualTo(1);
    }

    @Test
    void valuesArrivingWhileTheWriterIsBusyShareTheNextStatementUpToTheLargestBatch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupedWrites<String> writes = new GroupedWrites<>(blockingFirst(release), ON_CONSTRAINTS, 1, 4);

        List<Thread> callers = busyWriterThenCallers(writes, 10, i -> "v" + i);
        release.countDown();
        joinAll(callers);

        assertThat(statements).extracting(List::size).containsExactly(1, 4, 4, 2);
        assertThat(statements.stream().flatMap(List::stream)).hasSize(11).doesNotHaveDuplicates();
        assertThat(writes.batches()).isEqualTo(4);
        assertThat(writes.values()).isEqualTo(11);
    }

    @Test
    void aBatchFailingOnAConstraintIsWrittenAgainValueByValueEachCallerGettingItsOwnOutcome() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Consumer<List<String>> blocking = blockingFirst(release);
        GroupedWrites<String> writes = new GroupedWrites<>(values -> {
            if (values.contains("duplicate")) {
                throw new IllegalStateException("insert failed", new SQLException("duplicate key", "23505"));
            }
            blocking.accept(values);
        }, ON_CONSTRAINTS, 1, 32);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

        List<Thread> callers = busyWriterThenCallers(writes, 3, i -> i == 1 ? "duplicate" : "v" + i, failures);
        release.countDown();
        joinAll(callers);

        assertThat(failures).singleElement().satisfies(
                failure -> assertThat(failure).hasRootCauseMessage("duplicate key"));
        assertThat(statements).containsExactly(List.of("busy"), List.of("v0"), List.of("v2"));
    }

    @Test
    void anyOtherFailureIsEveryCallersOfTheBatchWithoutRetries() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Consumer<List<String>> blocking = blockingFirst(release);
        List<List<String>> attempts = new CopyOnWriteArrayList<>();
        GroupedWrites<String> writes = new GroupedWrites<>(values -> {
            blocking.accept(values);
            if (!values.contains("busy")) {
                attempts.add(values);
                throw new IllegalStateException("database unavailable");
            }
        }, ON_CONSTRAINTS, 1, 32);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

        List<Thread> callers = busyWriterThenCallers(writes, 5, i -> "v" + i, failures);
        release.countDown();
        joinAll(callers);

        assertThat(failures).hasSize(5).allSatisfy(
                failure -> assertThat(failure).hasMessage("database unavailable"));
        assertThat(attempts).singleElement().satisfies(batch -> assertThat(batch).hasSize(5));
        assertThat(writes.batches()).as("the failed batch is not counted").isEqualTo(1);
    }

    @Test
    void anInterruptedCallerStillWaitsForItsValueAndKeepsTheInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupedWrites<String> writes = new GroupedWrites<>(blockingFirst(release), ON_CONSTRAINTS, 1, 32);
        List<Boolean> interruptedOnReturn = new CopyOnWriteArrayList<>();
        Thread busy = busyWriter(writes);
        Thread caller = waitingCaller("v", () -> {
            writes.write("v");
            interruptedOnReturn.add(Thread.currentThread().isInterrupted());
        });

        caller.interrupt();
        Await.until("the caller waiting again after the interrupt", () -> caller.getState() == Thread.State.WAITING);
        assertThat(interruptedOnReturn).as("not returned before its value is written").isEmpty();
        release.countDown();
        joinAll(List.of(busy, caller));

        assertThat(statements).containsExactly(List.of("busy"), List.of("v"));
        assertThat(interruptedOnReturn).containsExactly(true);
    }

    @Test
    void underARaceEveryValueIsWrittenOnceAndBeforeItsCallerReturns() throws Exception {
        Set<String> written = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new CopyOnWriteArrayList<>();
        GroupedWrites<String> writes = new GroupedWrites<>(values -> {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
            values.stream().filter(value -> !written.add(value)).forEach(duplicates::add);
        }, ON_CONSTRAINTS, 2, 8);

        List<Boolean> seenOnReturn = AtOnce.run(64, caller -> () -> {
            boolean all = true;
            for (int i = 0; i < 50; i++) {
                String value = caller + "/" + i;
                writes.write(value);
                all &= written.contains(value);
            }
            return all;
        });

        assertThat(seenOnReturn).containsOnly(true);
        assertThat(written).hasSize(64 * 50);
        assertThat(duplicates).isEmpty();
        assertThat(writes.values()).isEqualTo(64 * 50);
        assertThat(writes.batches()).as("batches held more than one value").isLessThan(64 * 50);
    }

    /** A batch writer whose first call, the value "busy", waits for {@code release}; every call is recorded. */
    private Consumer<List<String>> blockingFirst(CountDownLatch release) {
        return values -> {
            if (values.contains("busy")) {
                try {
                    assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            statements.add(values);
        };
    }

    private List<Thread> busyWriterThenCallers(GroupedWrites<String> writes, int callers,
                                               IntFunction<String> value) {
        return busyWriterThenCallers(writes, callers, value, new CopyOnWriteArrayList<>());
    }

    /**
     * Starts a caller writing "busy" and, once its statement is under way, {@code callers} more, returning once all
     * of them wait; their failures go to {@code failures}. Every thread, "busy"'s first.
     */
    private List<Thread> busyWriterThenCallers(GroupedWrites<String> writes, int callers,
                                               IntFunction<String> value,
                                               List<Throwable> failures) {
        List<Thread> threads = new ArrayList<>();
        threads.add(busyWriter(writes));
        for (int i = 0; i < callers; i++) {
            String each = value.apply(i);
            // one at a time, so that they queue in order
            threads.add(waitingCaller(each, () -> {
                try {
                    writes.write(each);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        return threads;
    }

    /** Starts a caller writing "busy", returning once its statement waits for the release ({@link #blockingFirst}). */
    private static Thread busyWriter(GroupedWrites<String> writes) {
        Thread busy = Thread.ofVirtual().start(() -> writes.write("busy"));
        Await.until("the first statement under way", () -> busy.getState() == Thread.State.TIMED_WAITING);
        return busy;
    }

    /** Starts {@code caller}, which writes {@code value}, returning once it waits behind the busy writer. */
    private static Thread waitingCaller(String value, Runnable caller) {
        Thread thread = Thread.ofVirtual().start(caller);
        Await.until(value + " waiting", () -> thread.getState() == Thread.State.WAITING);
        return thread;
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            assertThat(thread.join(Duration.ofSeconds(20))).as(thread + " finished").isTrue();
        }
    }
}
