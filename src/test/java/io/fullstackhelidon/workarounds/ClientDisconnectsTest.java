package io.fullstackhelidon.workarounds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import io.helidon.http.RequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule of the filter, event by event: a client that went away is dropped from the connection's and the error
 * handlers' warnings (HelidonDefectsTest shows Helidon logging both), and nothing else is.
 */
class ClientDisconnectsTest {

    private static final LoggerContext LOGGING = new LoggerContext();
    private static final Logger CONNECTION = LOGGING.getLogger("io.helidon.webserver.http1.Http1Connection");
    private static final Logger ERROR_HANDLERS = LOGGING.getLogger("io.helidon.webserver.http.ErrorHandlers");
    private static final Logger OTHER = LOGGING.getLogger("io.helidon.webserver.http.Filters");

    private final ClientDisconnects filter = new ClientDisconnects();

    @Test
    void aBrokenPipeWhileAnAnswerIsWrittenIsDropped() {
        // what Helidon's error handlers log when a client leaves in the middle of /metrics
        RequestException failed = RequestException.builder().message("Request failed")
                .cause(new UncheckedIOException(new SocketException("Broken pipe"))).build();

        assertThat(decide(ERROR_HANDLERS, Level.WARN, failed)).isEqualTo(FilterReply.DENY);
        assertThat(decide(CONNECTION, Level.WARN, failed)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void everyOtherWarningStays() {
        RuntimeException bug = new IllegalStateException("a defect", new IOException("not the client's socket"));
        RequestException failed = RequestException.builder().message("Request failed")
                .cause(new UncheckedIOException(new SocketException("Broken pipe"))).build();

        assertThat(decide(ERROR_HANDLERS, Level.WARN, bug)).as("another cause").isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(ERROR_HANDLERS, Level.WARN, null)).as("no cause").isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(OTHER, Level.WARN, failed)).as("another logger").isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(ERROR_HANDLERS, Level.INFO, failed)).as("below a warning").isEqualTo(FilterReply.NEUTRAL);
    }

    private FilterReply decide(Logger logger, Level level, Throwable error) {
        return filter.decide(null, logger, level, "message", null, error);
    }
}
