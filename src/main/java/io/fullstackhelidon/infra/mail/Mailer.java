package io.fullstackhelidon.infra.mail;

/**
 * Hands e-mails over for delivery. Implementations return at once: delivery happens in the background, and a
 * failure is logged and counted, never thrown at the caller (the HTTP answer does not depend on the SMTP server).
 */
public interface Mailer {

    /** The 503 answer of an endpoint that must send e-mail when none is configured (the template fails with 500). */
    String NOT_CONFIGURED = "E-mail is not configured";

    /** Whether e-mail is configured at all. */
    boolean enabled();

    /** Queues {@code message} for delivery. */
    void send(EmailMessage message);
}
