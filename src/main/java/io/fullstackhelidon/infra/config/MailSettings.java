package io.fullstackhelidon.infra.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * SMTP delivery ({@code SMTP_*}, {@code EMAILS_FROM_*}). E-mail is enabled only when both a host and a sender
 * address are set, as in the template.
 *
 * @param host      SMTP server, empty when e-mail is off
 * @param port      SMTP port
 * @param startTls  upgrade the connection with STARTTLS ({@code SMTP_TLS})
 * @param ssl       implicit TLS from the first byte ({@code SMTP_SSL})
 * @param user      login, empty for none
 * @param password  login password
 * @param fromEmail sender address, empty when e-mail is off
 * @param fromName  sender name
 * @param timeout   connect, read and write timeout of one delivery
 */
public record MailSettings(Optional<String> host,
                           int port,
                           boolean startTls,
                           boolean ssl,
                           Optional<String> user,
                           String password,
                           Optional<String> fromEmail,
                           String fromName,
                           Duration timeout) {

    public MailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(fromEmail, "fromEmail");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(timeout, "timeout");
    }

    public boolean enabled() {
        return host.isPresent() && fromEmail.isPresent();
    }

    @Override
    public String toString() {
        return "MailSettings[" + host.orElse("-") + ":" + port + ", tls=" + startTls + ", ssl=" + ssl + ", user="
               + user.orElse("-") + ", from=" + fromEmail.orElse("-") + "]";
    }
}
