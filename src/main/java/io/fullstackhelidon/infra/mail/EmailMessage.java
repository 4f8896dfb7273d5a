package io.fullstackhelidon.infra.mail;

import java.util.Objects;

/**
 * One HTML e-mail to one recipient, as the template sends them (no text part).
 *
 * @param to      recipient address
 * @param subject subject line
 * @param html    HTML body
 */
public record EmailMessage(String to, String subject, String html) {

    public EmailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
    }

    @Override
    public String toString() {
        return "EmailMessage[to=" + to + ", subject=" + subject + "]";
    }
}
