package io.fullstackhelidon.observability;

import java.net.URL;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logging set-up: everything goes through SLF4J to Logback (Helidon's {@code System.Logger} through
 * slf4j-jdk-platform-logging, plain JUL through the bridge), one JSON object per line ({@code json}) or readable
 * lines ({@code text}), chosen by {@code log.format} in {@code logback.xml}.
 */
public final class Logging {

    private Logging() {
    }

    /** Sends java.util.logging records to SLF4J. */
    public static void bridgeJavaUtilLogging() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /** Reconfigures Logback for {@code json} or {@code text} output. */
    public static void useFormat(String format) {
        if (!format.equals("json") && !format.equals("text")) {
            throw new IllegalArgumentException("log.format must be json or text, not " + format);
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
                || format.equals(context.getProperty("log.format"))) {
            return;
        }
        URL configuration = Logging.class.getClassLoader().getResource("logback.xml");
        if (configuration == null) {
            return;
        }
        context.reset();
        context.putProperty("log.format", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("Cannot configure logging", e);
        }
    }
}
