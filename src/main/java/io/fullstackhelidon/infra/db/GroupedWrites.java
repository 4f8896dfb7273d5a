package io.fullstackhelidon.infra.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Writes that arrive together go to the database together: one statement, one round trip and one commit for many
 * rows. A caller's value joins those waiting; a caller that finds one of the {@code writers} free writes everything
 * waiting (up to {@code largestBatch} values, oldest first) at once, while the callers whose values it took wait for
 * its outcome: every caller returns once its own value is written, as if it had written alone. A caller alone is
 * written at once, by its own thread; under load the next batch gathers while the current ones are written. No thread
 * of its own: nothing to start or stop.
 * <p>
 * A batch whose failure {@code writeAgainAlone} accepts (a row breaking a constraint, say) is written again value by
 * value, so that each caller gets its own outcome; any other failure (the database down, a timeout) is every
 * caller's of that batch.
 *
 * @param <T> what one caller writes
 */
public final class GroupedWrites<T> {

    private final Consumer<List<T>> writeAll;
    private final Predicate<RuntimeException> writeAgainAlone;
    private final int largestBatch;
    private final Semaphore writers;
    private final Queue<Waiting<T>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong values = new AtomicLong();

    /**
     * @param writeAll        writes the values given, all or none
     * @param writeAgainAlone whether a batch that failed so is written again value by value
     * @param writers         how many batches may be written at once (1: in the order of the calls)
     * @param largestBatch    how many values one batch holds at most
     */
    public GroupedWrites(Consumer<List<T>> writeAll, Predicate<RuntimeException> writeAgainAlone, int writers,
                         int largestBatch) {
        if (writers < 1 || largestBatch < 1) {
            throw new IllegalArgumentException("writers and largestBatch must be positive");
        }
        this.writeAll = writeAll;
        this.writeAgainAlone = writeAgainAlone;
        this.writers = new Semaphore(writers);
        this.largestBatch = largestBatch;
    }

    /**
     * Writes {@code value}, alone or with others; returns once it is written, throws what kept it from being. An
     * interrupt does not withdraw a value another caller may already be writing: the call still waits for its outcome,
     * and returns with the thread's interrupt status set again.
     */
    public void write(T value) {
        Waiting<T> mine = new Waiting<>(value, Thread.currentThread());
        waiting.add(mine);
        boolean interrupted = false;
        while (!mine.done) {
            if (!writers.tryAcquire()) {
                // woken when a writer is free or when a batch holding this value is written
                interrupted |= parkAndClearInterrupt();
                continue;
            }
            List<Waiting<T>> batch = new ArrayList<>();
            try {
                for (Waiting<T> next; batch.size() < largestBatch && (next = waiting.poll()) != null; ) {
                    batch.add(next);
                }
                write(batch);
            } finally {
                writers.release();
                // the writer just freed is the oldest waiter's to take: without this wake-up it could wait forever
                Waiting<T> oldest = waiting.peek();
                if (oldest != null) {
                    LockSupport.unpark(oldest.thread);
                }
            }
            if (batch.isEmpty()) {
                interrupted |= parkAndClearInterrupt(); // another writer took this value: its outcome wakes this thread
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        mine.rethrow();
    }

    /** Parks; whether the thread was interrupted, clearing it, so that the next park waits instead of returning. */
    private boolean parkAndClearInterrupt() {
        LockSupport.park(this);
        return Thread.interrupted();
    }

    /** How many batches were written, and how many values they held: their mean size shows how much is shared. */
    public long batches() {
        return batches.get();
    }

    /** How many values were written in batches (the retries of a failed batch not counted twice). */
    public long values() {
        return values.get();
    }

    private void write(List<Waiting<T>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            writeAll.accept(batch.stream().map(Waiting::value).toList());
            batches.incrementAndGet();
            values.addAndGet(batch.size());
            batch.forEach(each -> each.finish(null));
        } catch (RuntimeException e) {
            if (batch.size() > 1 && writeAgainAlone.test(e)) {
                batch.forEach(this::writeAlone);
            } else {
                batch.forEach(each -> each.finish(e));
            }
        } catch (Error e) {
            batch.forEach(each -> each.finish(e));
        }
    }

    private void writeAlone(Waiting<T> one) {
        try {
            writeAll.accept(List.of(one.value));
            batches.incrementAndGet();
            values.incrementAndGet();
            one.finish(null);
        } catch (RuntimeException | Error e) {
            one.finish(e);
        }
    }

    /** A value, the thread waiting for it to be written, and once written, what failed or nothing. */
    private static final class Waiting<T> {

        private final T value;
        private final Thread thread;
        private volatile Throwable failure;
        private volatile boolean done;

        private Waiting(T value, Thread thread) {
            this.value = value;
            this.thread = thread;
        }

        T value() {
            return value;
        }

        void finish(Throwable failure) {
            this.failure = failure;
            this.done = true;
            LockSupport.unpark(thread);
        }

        void rethrow() {
            switch (failure) {
                case null -> { }
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IllegalStateException(failure);
            }
        }
    }
}
