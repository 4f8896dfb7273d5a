package io.fullstackhelidon.workarounds;

import java.net.SocketException;

import io.fullstackhelidon.domain.CauseChain;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.helidon.common.buffers.DataReader;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * A client that goes away while sending its request is not a server error: Helidon 4.1.7 logs it as a WARN
 * "Internal server error" with a stack trace (the connection's reader found no more data), which under a slowloris
 * attack, or simply with clients on bad networks, floods the log and the error tracker. This filter drops exactly
 * those events (the connection's warnings caused by missing data or a reset socket); every other one stays.
 */
public final class ClientDisconnects extends TurboFilter {

    private static final String CONNECTION_LOGGER = "io.helidon.webserver.http1.Http1Connection";

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
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !CONNECTION_LOGGER.equals(logger.getName())
                || !clientWentAway(error)) {
            return FilterReply.NEUTRAL;
        }
        return FilterReply.DENY;
    }

    private static boolean clientWentAway(Throwable error) {
        return error != null && CauseChain.of(error).stream().anyMatch(
                cause -> cause instanceof DataReader.InsufficientDataAvailableException
                         || cause instanceof SocketException);
    }
}
