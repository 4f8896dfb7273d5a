package io.fullstackhelidon.login;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.mail.BackgroundMailer;
import io.fullstackhelidon.support.Reply;
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
 * while the delivery is still waiting for the server, and the failure is counted when it times out.
 */
@ServerTest
class MailDeliveryFailureTest {

    private static ServerSocket silentSmtp;
    private static final List<Socket> ACCEPTED = new ArrayList<>();

    private final TestApi api;
    private final BackgroundMailer mailer;

    MailDeliveryFailureTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
        this.mailer = (BackgroundMailer) app.mailer();
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
        Map<String, String> mail = new HashMap<>(Map.of("mail.host", "127.0.0.1",
                                                        "mail.port", Integer.toString(silentSmtp.getLocalPort()),
                                                        "mail.tls", "false", "mail.from-email", "info@example.com",
                                                        "mail.timeout-seconds", "3"));
        TestServer.configure(server, mail);
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
        assertThat(mailer.failedCount()).as("the delivery is still waiting for the silent server").isZero();
        assertThat(mailer.sentCount()).isZero();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (mailer.failedCount() == 0 && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(mailer.failedCount()).isEqualTo(1);
        assertThat(mailer.sentCount()).isZero();
    }
}
