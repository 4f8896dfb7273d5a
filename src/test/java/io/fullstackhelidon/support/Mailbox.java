package io.fullstackhelidon.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server inside the test JVM (GreenMail) and the look-ups tests make in it. */
public final class Mailbox implements AutoCloseable {

    private static final Pattern RESET_LINK = Pattern.compile("href=\"([^\"]*/reset-password\\?token=([^\"]+))\"");

    private final GreenMail server;

    public Mailbox() {
        this(0);
    }

    /** A server on {@code port} (0 for any free one). */
    public Mailbox(int port) {
        this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** A free port with nothing listening, for an SMTP server that is down (and may come up later). */
    public static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configuration keys pointing the service at an SMTP server on {@code port}, as {@link #settings()} does. */
    public static Map<String, String> settings(int port) {
        return Map.of("mail.host", "127.0.0.1", "mail.port", Integer.toString(port), "mail.tls", "false",
                      "mail.from-email", "info@example.com");
    }

    /** Every message received so far. */
    public List<MimeMessage> messages() {
        return List.of(server.getReceivedMessages());
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** Configuration keys pointing the service at this server, plain SMTP, sender {@code info@example.com}. */
    public Map<String, String> settings() {
        return settings(port());
    }

    /** The messages delivered to {@code address} so far. */
    public List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .toList();
    }

    /**
     * Waits until {@code count} messages reached {@code address}, then returns them; fails when they have not within
     * 10 s. A test that checks that some mail was not sent awaits a control message this way, so that it fails when
     * delivery is broken altogether instead of passing because nothing arrives.
     */
    public List<MimeMessage> awaitMessagesTo(String address, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (messagesTo(address).size() < count && Instant.now().isBefore(deadline)) {
            pause();
        }
        List<MimeMessage> arrived = messagesTo(address);
        if (arrived.size() < count) {
            throw new AssertionError(arrived.size() + " of " + count + " messages to " + address + " arrived within 10 s");
        }
        return arrived;
    }

    /** The decoded HTML body of a single-part message. */
    public static String body(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of the reset link in a recovery e-mail, found the way the template's end-to-end tests find it. */
    public static String resetToken(MimeMessage message) {
        Matcher link = RESET_LINK.matcher(body(message));
        if (!link.find()) {
            throw new AssertionError("No reset link in a double-quoted href: " + body(message));
        }
        return link.group(2);
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
