package io.fullstackhelidon.infra.mail;

/** The mailer when no SMTP host or sender is configured: endpoints that must send answer 503 instead. */
public final class DisabledMailer implements Mailer {

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public void send(EmailMessage message) {
        throw new IllegalStateException("E-mail is not configured: " + message);
    }
}
