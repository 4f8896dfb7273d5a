package io.fullstackhelidon.mail;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.fullstackhelidon.config.MailSettings;

import jakarta.mail.MessagingException;

/**
 * Delivers each message on its own virtual thread, so a slow or unreachable SMTP server never delays an HTTP answer.
 * Delivery is best effort (lost if the process stops first), as in the template; failures are logged and counted.
 */
public final class BackgroundMailer implements Mailer, AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(BackgroundMailer.class.getName());
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final SmtpTransport transport;
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public BackgroundMailer(MailSettings settings) {
        this.transport = new SmtpTransport(settings);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void send(EmailMessage message) {
        deliveries.submit(() -> deliver(message));
    }

    /** Messages the SMTP server accepted. */
    public long sentCount() {
        return sent.get();
    }

    /** Messages that could not be delivered. */
    public long failedCount() {
        return failed.get();
    }

    /** Waits briefly for deliveries in flight, then stops. */
    @Override
    public void close() {
        deliveries.shutdown();
        try {
            if (!deliveries.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                deliveries.shutdownNow();
            }
        } catch (InterruptedException e) {
            deliveries.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(EmailMessage message) {
        try {
            transport.deliver(message);
            sent.incrementAndGet();
            LOGGER.log(Level.INFO, "E-mail delivered");
        } catch (MessagingException | RuntimeException e) {
            failed.incrementAndGet();
            LOGGER.log(Level.WARNING, "E-mail could not be delivered: " + e.getMessage());
        }
    }
}
