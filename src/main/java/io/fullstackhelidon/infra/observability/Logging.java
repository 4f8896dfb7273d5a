package io.fullstackhelidon.infra.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logging set-up: everything goes through SLF4J to Logback (Helidon's {@code System.Logger} through
 * slf4j-jdk-platform-logging, plain JUL through the bridge), one JSON object per line ({@code json}) or readable
 * lines ({@code text}), chosen by {@code log.format}. Built in code rather than from a logback.xml: parsing XML cost
 * 80 ms of start-up. The root level is {@code INFO}, or the {@code log.level} system property.
 */
public final class Logging {

    static final String FORMAT_PROPERTY = "log.format";
    private static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %-24logger{24} %X{request_id:-} %msg%n";

    private Logging() {
    }

    /** Sends java.util.logging records to SLF4J. */
    public static void bridgeJavaUtilLogging() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /** Reconfigures Logback for {@code json} or {@code text} output, unless a logback file configures it. */
    public static void useFormat(String format) {
        if (!format.equals("json") && !format.equals("text")) {
            throw new IllegalArgumentException("log.format must be json or text, not " + format);
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getProperty(FORMAT_PROPERTY) != null
                && !format.equals(context.getProperty(FORMAT_PROPERTY))) {
            context.reset();
            configure(context, format);
        }
    }

    /** The service's configuration of {@code context}: one console appender in {@code format}, quiet libraries. */
    static void configure(LoggerContext context, String format) {
        // logback's own start-up report would break the one-JSON-object-per-line output
        context.getStatusManager().add(new NopStatusListener());
        context.putProperty(FORMAT_PROPERTY, format);
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        context.addListener(propagator);
        propagator.start();

        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(format);
        appender.setEncoder(format.equals("json") ? jsonEncoder(context) : textEncoder(context));
        appender.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("log.level"), Level.INFO));
        root.addAppender(appender);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("org.flywaydb.core.internal.command.DbMigrate").setLevel(Level.INFO);
        context.getLogger("io.sentry").setLevel(Level.WARN);
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }
}
