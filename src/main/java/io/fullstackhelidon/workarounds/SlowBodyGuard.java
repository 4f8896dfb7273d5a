package io.fullstackhelidon.workarounds;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Drops clients that send a request body too slowly (slowloris on the body): once a handler starts reading, the whole
 * body must arrive within the deadline, else the reading thread is interrupted, which closes the connection. Helidon
 * 4.1 itself only closes connections idle between requests ({@code idle-connection-timeout}).
 */
public final class SlowBodyGuard implements Filter, AutoCloseable {

    private final Duration deadline;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("slow-body-guard").factory());

    public SlowBodyGuard(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        request.streamFilter(body -> new DeadlineStream(body));
        chain.proceed();
    }

    @Override
    public void afterStop() {
        close();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Arms the deadline at the first read; every blocking read after it may be cut short by it. */
    private final class DeadlineStream extends FilterInputStream {

        private InterruptAlarm alarm;

        DeadlineStream(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            arm();
            return disarmedAtEnd(super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            arm();
            return disarmedAtEnd(super.read(buffer, offset, length));
        }

        @Override
        public void close() throws IOException {
            disarm();
            super.close();
        }

        private void arm() {
            if (alarm == null) {
                alarm = new InterruptAlarm(Thread.currentThread());
                alarm.schedule(timer, deadline);
            }
        }

        private int disarmedAtEnd(int read) {
            if (read < 0) {
                disarm();
            }
            return read;
        }

        /** The body is complete (or abandoned): an alarm that went off just now must not interrupt anything else. */
        private void disarm() {
            if (alarm != null) {
                alarm.disarm();
            }
        }
    }
}
