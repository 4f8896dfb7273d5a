package io.fullstackhelidon.infra.observability;

import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import io.sentry.logback.SentryAppender;
import org.slf4j.LoggerFactory;

/**
 * Error tracking with Sentry: when a DSN is configured (and not in development), every ERROR log line, which is
 * how unhandled errors are reported, becomes a Sentry event tagged with the request id, route template and user id.
 * Request bodies, headers and personal data are never attached.
 */
public final class ErrorTracking implements AutoCloseable {

    private static final String[] TAGS = {"request_id", "route", "user_id"};

    private final SentryAppender appender;

    private ErrorTracking(SentryAppender appender) {
        this.appender = appender;
    }

    /** Starts reporting to {@code dsn}; does nothing without one or in development. */
    public static ErrorTracking start(Optional<String> dsn, boolean development, String environment, String release) {
        if (dsn.isEmpty() || development || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new ErrorTracking(null);
        }
        Sentry.init(options -> configure(options, dsn.get(), environment, release));
        SentryOptions appenderOptions = new SentryOptions();
        configure(appenderOptions, dsn.get(), environment, release);
        SentryAppender appender = new SentryAppender();
        appender.setContext(context);
        appender.setName("sentry");
        appender.setOptions(appenderOptions);
        appender.setMinimumEventLevel(Level.ERROR);
        appender.setMinimumBreadcrumbLevel(Level.INFO);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new ErrorTracking(appender);
    }

    public boolean enabled() {
        return appender != null;
    }

    /** Sends what is queued and stops reporting. */
    @Override
    public void close() {
        if (appender != null) {
            ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME)
                    .detachAppender(appender);
            appender.stop();
            Sentry.close();
        }
    }

    private static void configure(SentryOptions options, String dsn, String environment, String release) {
        options.setDsn(dsn);
        options.setEnvironment(environment);
        options.setRelease(release);
        options.setSendDefaultPii(false);
        for (String tag : TAGS) {
            options.addContextTag(tag);
        }
    }
}
