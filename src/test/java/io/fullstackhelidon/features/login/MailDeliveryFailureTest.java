package io.fullstackhelidon.features.login;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SMTP server that accepts connections and then never answers: password recovery still answers 200 at once,
 * while the delivery waits for the server; each timed-out attempt is retried, and after the last retry the message
 * is given up, counted and removed from the queue.
 */
@Slow
@ServerTest
class MailDeliveryFailureTest {

    private static ServerSocket silentSmtp;
    private static final List<Socket> ACCEPTED = new ArrayList<>();

    private final TestApi api;
    private final Http1Client client;

    MailDeliveryFailureTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) throws IOException {
        silentSmtp = new ServerSocket(0);
        Thread.ofVirtual().start(() -> {
            while (!silentSmtp.isClosed()) {
                try {
                    ACCEPTED.add(silentSmtp.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
        TestServer.configure(server, Map.of("mail.host", "127.0.0.1",
                                            "mail.port", Integer.toString(silentSmtp.getLocalPort()),
                                            "mail.tls", "false", "mail.from-email", "info@example.com",
                                            "mail.timeout-seconds", "1",
                                            "jobs.max-retries", "1"));
    }

    @AfterAll
    static void closeSmtp() throws IOException {
        silentSmtp.close();
        for (Socket socket : ACCEPTED) {
            socket.close();
        }
    }

    @Test
    void recoveryAnswersWithoutWaitingForTheSmtpServer() {
        TestApi.Account account = api.randomUser();

        Reply reply = api.call(Method.POST, "/password-recovery/" + account.user().email(), request -> { }, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(emails("failed")).as("the delivery is still waiting for the silent server").isZero();
        assertThat(emails("sent")).isZero();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (emails("failed") == 0 && Instant.now().isBefore(deadline)) {
            sleep();
        }
        assertThat(emails("retry")).as("both attempts failed").isEqualTo(2);
        assertThat(emails("failed")).as("then given up").isEqualTo(1);
        assertThat(emails("sent")).isZero();
        assertThat(api.queuedJobs()).as("a given-up message leaves the queue").isZero();
    }

    private double emails(String outcome) {
        String metrics = client.get("/metrics").requestEntity(String.class);
        return metrics.lines()
                .filter(line -> line.startsWith("app_emails_total{") && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
