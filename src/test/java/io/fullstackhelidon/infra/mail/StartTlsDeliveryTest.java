package io.fullstackhelidon.infra.mail;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.fullstackhelidon.support.ServiceProcess;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.StartTlsSmtpServer;
import io.fullstackhelidon.support.TestSettings;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default mail set-up, the template's: SMTP on a submission port with STARTTLS and a login ({@code SMTP_TLS=True},
 * {@code SMTP_USER}, {@code SMTP_PASSWORD}), against a server that checks the order. The service runs as its own
 * process, trusting the test server's certificate through its JVM's trust store, as a deployment trusts its
 * provider's. A server that offers no STARTTLS gets neither the login nor the message.
 */
@Slow
class StartTlsDeliveryTest {

    private static final String SMTP_USER = "mailer@example.com";
    private static final String SMTP_PASSWORD = "smtp-secret-1";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void theLoginAndTheMessageTravelOnlyAfterStartTls(@TempDir Path directory) throws Exception {
        try (StartTlsSmtpServer smtp = new StartTlsSmtpServer(directory, true, SMTP_USER, SMTP_PASSWORD);
                ServiceProcess service = ServiceProcess.start(directory, environment(smtp))) {
            assertThat(sendTestEmail(service, "starttls@example.com")).isEqualTo(201);

            awaitTranscript(smtp, lines -> lines.contains("TLS QUIT"));

            List<String> transcript = smtp.transcript();
            assertThat(transcript).contains("CLEAR STARTTLS", "TLS AUTH ok");
            assertThat(transcript.indexOf("CLEAR STARTTLS")).isLessThan(transcript.indexOf("TLS AUTH ok"));
            assertThat(transcript).filteredOn(line -> line.startsWith("CLEAR "))
                    .as("in clear: only the greeting and the switch to TLS")
                    .allMatch(line -> line.startsWith("CLEAR EHLO") || line.equals("CLEAR STARTTLS"));
            assertThat(smtp.messages()).singleElement().satisfies(message -> assertThat(message)
                    .contains("To: starttls@example.com")
                    .contains("Subject: Process Test - Test email"));
        }
    }

    @Test
    void aServerWithoutStartTlsGetsNeitherTheLoginNorTheMessage(@TempDir Path directory) throws Exception {
        try (StartTlsSmtpServer smtp = new StartTlsSmtpServer(directory, false, SMTP_USER, SMTP_PASSWORD);
                ServiceProcess service = ServiceProcess.start(directory, environment(smtp))) {
            assertThat(sendTestEmail(service, "clear@example.com")).isEqualTo(201);

            // the delivery attempt reached the server and gave up there
            awaitTranscript(smtp, lines -> lines.stream().anyMatch(line -> line.startsWith("CLEAR EHLO"))
                                           && lines.stream().anyMatch(line -> line.equals("CLEAR QUIT")
                                                                              || line.startsWith("CLOSED")
                                                                              || line.startsWith("DISCONNECTED")));

            assertThat(smtp.transcript()).noneMatch(line -> line.contains("AUTH") || line.contains("MAIL")
                                                            || line.contains("DATA"));
            assertThat(smtp.messages()).isEmpty();
        }
    }

    private static Map<String, String> environment(StartTlsSmtpServer smtp) {
        return Map.of("SMTP_HOST", "127.0.0.1",
                      "SMTP_PORT", Integer.toString(smtp.port()),
                      "SMTP_TLS", "True",
                      "SMTP_SSL", "False",
                      "SMTP_USER", SMTP_USER,
                      "SMTP_PASSWORD", SMTP_PASSWORD,
                      "EMAILS_FROM_EMAIL", "info@example.com",
                      "JAVA_TOOL_OPTIONS", smtp.clientTrustOptions() + " -Djobs.polling-interval-millis=200");
    }

    /** {@code POST /utils/test-email/} as the first superuser; the status. */
    private static int sendTestEmail(ServiceProcess service, String to) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String form = "username=" + URLEncoder.encode(TestSettings.SUPERUSER_EMAIL, StandardCharsets.UTF_8)
                      + "&password=" + URLEncoder.encode(TestSettings.SUPERUSER_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/login/access-token"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = new ObjectMapper().readTree(login.body()).path("access_token").asText();
        return client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/utils/test-email/?email_to=" + to))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void awaitTranscript(StartTlsSmtpServer smtp, Predicate<List<String>> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!done.test(smtp.transcript())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the SMTP conversation did not get there within " + DEADLINE.toSeconds()
                                         + " s: " + smtp.transcript());
            }
            Thread.sleep(50);
        }
    }
}
