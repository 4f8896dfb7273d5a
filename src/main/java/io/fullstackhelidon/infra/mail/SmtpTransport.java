package io.fullstackhelidon.infra.mail;

import java.io.UnsupportedEncodingException;
import java.util.Properties;

import io.fullstackhelidon.infra.config.MailSettings;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Delivers one message over SMTP with Angus Mail, blocking until the server accepted it: STARTTLS or implicit TLS
 * and login as configured, with timeouts on every step.
 */
final class SmtpTransport {

    private final MailSettings settings;
    private final Session session;
    private final InternetAddress from;

    SmtpTransport(MailSettings settings) {
        this.settings = settings;
        String timeout = Long.toString(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host().orElseThrow());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        if (settings.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (settings.ssl()) {
            properties.put("mail.smtp.ssl.enable", "true");
        }
        properties.put("mail.smtp.auth", Boolean.toString(settings.user().isPresent()));
        this.session = Session.getInstance(properties);
        try {
            this.from = new InternetAddress(settings.fromEmail().orElseThrow(), settings.fromName(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    void deliver(EmailMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(from);
        mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to()));
        mime.setSubject(message.subject(), "UTF-8");
        mime.setContent(message.html(), "text/html; charset=utf-8");
        if (settings.user().isPresent()) {
            Transport.send(mime, settings.user().get(), settings.password());
        } else {
            Transport.send(mime);
        }
    }
}
