package io.fullstackhelidon.workarounds;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Interrupts one thread when a deadline passes, unless disarmed first. Firing and disarming exclude each other, so
 * when the alarm went off just before {@link #disarm()}, its interrupt has been delivered and is cleared there: no
 * interrupt ever outlives {@code disarm()} to hit the thread's next blocking call.
 */
final class InterruptAlarm {

    private final ReentrantLock lock = new ReentrantLock();
    private final Thread target;
    private ScheduledFuture<?> scheduled;
    private boolean settled;
    private boolean fired;

    /** An alarm for {@code target}, the thread that will later call {@link #disarm()}. */
    InterruptAlarm(Thread target) {
        this.target = target;
    }

    /** Goes off after {@code deadline} on {@code timer}. */
    void schedule(ScheduledExecutorService timer, Duration deadline) {
        lock.lock();
        try {
            scheduled = timer.schedule(this::fire, deadline.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }

    /** Interrupts the target, unless disarmed already. */
    void fire() {
        lock.lock();
        try {
            if (!settled) {
                settled = true;
                fired = true;
                target.interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called by the target: the alarm will not go off, and an interrupt it already sent is forgotten. */
    void disarm() {
        lock.lock();
        try {
            if (!settled) {
                settled = true;
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
            } else if (fired) {
                Thread.interrupted();
            }
        } finally {
            lock.unlock();
        }
    }
}
