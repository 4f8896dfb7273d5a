package io.fullstackhelidon.workarounds;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The body deadline's alarm never leaves an interrupt behind once disarmed, whichever comes first. */
class InterruptAlarmTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
        Thread.interrupted();
    }

    @Test
    void disarmedFirstItNeverGoesOff() {
        InterruptAlarm alarm = new InterruptAlarm(Thread.currentThread());

        alarm.disarm();
        alarm.fire();

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void firedJustBeforeDisarmItsInterruptIsForgotten() {
        InterruptAlarm alarm = new InterruptAlarm(Thread.currentThread());

        alarm.fire();
        assertThat(Thread.currentThread().isInterrupted()).as("the reader is interrupted").isTrue();
        alarm.disarm();

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void onTheTimerItInterruptsABlockedReaderAndDisarmingClearsWhatIsLeft() {
        InterruptAlarm alarm = new InterruptAlarm(Thread.currentThread());
        alarm.schedule(timer, Duration.ofMillis(20));
        try {
            Thread.sleep(Duration.ofSeconds(10));
            fail("the alarm did not interrupt the sleep within 10 s");
        } catch (InterruptedException expected) {
            // the read the deadline cut short
        }
        Thread.currentThread().interrupt(); // as if the reader had kept the flag
        alarm.disarm();

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
