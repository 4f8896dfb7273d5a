package io.fullstackhelidon.workarounds;

import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.Set;

import io.fullstackhelidon.domain.CauseChain;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * A client that goes away is not a server error: Helidon 4.1.7 logs one that leaves while sending its request as a
 * WARN "Internal server error" with a stack trace (the connection's reader found no more data), and one that leaves
 * while its answer is written (a large file, a scrape of {@code /metrics}) as a WARN "cannot send error response, as
 * response already sent" with the broken pipe's trace. Under a slowloris attack, or simply with clients on bad
 * networks, they flood the log and the error tracker. This filter drops exactly those events (the connection's and
 * the error handlers' warnings caused by missing data or a reset socket); every other one stays. When one of our own
 * handlers' writes is what failed, Helidon logs its warning without the cause ("Unable to reset response for error
 * handler."), so {@link #closingWhenGone} turns that failure into the connection's close first.
 */
public final class ClientDisconnects extends TurboFilter {

    private static final Set<String> LOGGERS = Set.of("io.helidon.webserver.http1.Http1Connection",
                                                      "io.helidon.webserver.http.ErrorHandlers");

    /** Installs the filter in the logging in use (once). */
    public static void quiet() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(ClientDisconnects.class::isInstance)) {
            ClientDisconnects filter = new ClientDisconnects();
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable error) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !LOGGERS.contains(logger.getName())
                || !clientWentAway(error)) {
            return FilterReply.NEUTRAL;
        }
        return FilterReply.DENY;
    }

    /**
     * {@code handler}, whose write to a client that went away closes the connection quietly (Helidon's
     * {@link CloseConnectionException}) instead of reaching the error handlers as a failure.
     */
    public static Handler closingWhenGone(Handler handler) {
        return (request, response) -> {
            try {
                handler.handle(request, response);
            } catch (UncheckedIOException e) {
                if (clientWentAway(e)) {
                    throw new CloseConnectionException("The client went away while its answer was written", e);
                }
                throw e;
            }
        };
    }

    private static boolean clientWentAway(Throwable error) {
        return error != null && CauseChain.of(error).stream().anyMatch(
                cause -> cause instanceof DataReader.InsufficientDataAvailableException
                         || cause instanceof SocketException);
    }
}
