package io.fullstackhelidon;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fullstackhelidon.support.RawHttp;
import io.fullstackhelidon.support.ServiceProcess;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TcpProxy;
import io.fullstackhelidon.support.TestSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The service as a process: structured logs on standard output, and a graceful stop on SIGTERM. */
@Slow
class ServiceProcessTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SIGNUP_PASSWORD = "secret-signup-password";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void logsAreJsonLinesCarryingTheRequestIdAndNoSecrets(@TempDir Path directory) throws Exception {
        try (ServiceProcess service = ServiceProcess.start(directory, Map.of("LOG_FORMAT", "json"))) {
            String token = MAPPER.readTree(send(service, HttpRequest.newBuilder(uri(service, "/api/v1/login/access-token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + TestSettings.SUPERUSER_EMAIL + "&password="
                                                               + TestSettings.SUPERUSER_PASSWORD)))
                                                   .body()).path("access_token").asText();
            HttpResponse<String> me = send(service, HttpRequest.newBuilder(uri(service, "/api/v1/users/me"))
                    .header("Authorization", "Bearer " + token)
                    .header("X-Request-Id", "log-test-1"));
            send(service, HttpRequest.newBuilder(uri(service, "/api/v1/users/signup"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"new@example.com\",\"password\":\""
                                                               + SIGNUP_PASSWORD + "\"}")));

            String access = service.awaitLine("\"request_id\":\"log-test-1\"", Duration.ofSeconds(10));
            JsonNode line = MAPPER.readTree(access);
            assertThat(line.path("logger_name").asText()).isEqualTo("access");
            assertThat(line.path("method").asText()).isEqualTo("GET");
            assertThat(line.path("route").asText()).isEqualTo("/api/v1/users/me");
            assertThat(line.path("status").asInt()).isEqualTo(200);
            assertThat(line.path("duration_ms").isNumber()).isTrue();
            assertThat(line.path("user_id").asText()).isEqualTo(MAPPER.readTree(me.body()).path("id").asText());
            service.awaitLine("/api/v1/users/signup", Duration.ofSeconds(10));
            assertThat(MAPPER.readTree(service.awaitLine("features: [", Duration.ofSeconds(10))).path("message").asText())
                    .as("Helidon's feature list at start-up").contains("Security").contains("WebServer");

            List<String> output = service.output();
            for (String printed : output) {
                JsonNode parsed = MAPPER.readTree(printed);
                assertThat(parsed.isObject()).as(printed).isTrue();
                assertThat(parsed.has("time") && parsed.has("level") && parsed.has("message")).as(printed).isTrue();
            }
            String all = String.join("\n", output);
            assertThat(all).doesNotContain(TestSettings.SECRET_KEY)
                    .doesNotContain(TestSettings.SUPERUSER_PASSWORD)
                    .doesNotContain(SIGNUP_PASSWORD)
                    .doesNotContain(token)
                    .doesNotContainIgnoringCase("authorization");
        }
    }

    @Test
    void sigtermTurnsReadinessDownThenLetsTheRequestInFlightFinish(@TempDir Path directory) throws Exception {
        try (ServiceProcess service = ServiceProcess.start(directory, Map.of("SHUTDOWN_DRAIN_SECONDS", "2",
                                                                            "LOG_FORMAT", "text"))) {
            assertThat(send(service, HttpRequest.newBuilder(uri(service, "/health/ready"))).statusCode()).isEqualTo(200);
            String body = "{\"email\":\"slow@example.com\",\"password\":\"slow-password\"}";
            try (Socket slow = new Socket("127.0.0.1", service.port())) {
                slow.setSoTimeout(30_000);
                OutputStream out = slow.getOutputStream();
                out.write(("POST /api/v1/users/signup HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 10))
                                  .getBytes(StandardCharsets.US_ASCII));
                out.flush();

                service.terminate();

                assertThat(awaitReadiness(service, 503)).isTrue();
                try (Socket during = new Socket("127.0.0.1", service.port())) {
                    during.setSoTimeout(10_000);
                    during.getOutputStream().write("GET /api/v1/utils/health-check/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                                           .getBytes(StandardCharsets.US_ASCII));
                    assertThat(RawHttp.readResponse(during.getInputStream())).as("an answer during the drain")
                            .startsWith("HTTP/1.1 200").containsIgnoringCase("\r\nConnection: close\r\n");
                }
                service.awaitLine("socket closed", Duration.ofSeconds(10));
                out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = RawHttp.readResponse(slow.getInputStream());
                assertThat(response).startsWith("HTTP/1.1 200").contains("\"email\":\"slow@example.com\"");
            }
            assertThat(service.awaitExit(Duration.ofSeconds(30))).as("a requested stop is not a failure").isZero();
            service.awaitLine("Stopped: requests finished, pools closed", Duration.ofSeconds(1));
        }
    }

    @Test
    void aPortInUseEndsTheProcessWithAFailure(@TempDir Path first, @TempDir Path second) throws Exception {
        try (ServiceProcess running = ServiceProcess.start(first, Map.of("LOG_FORMAT", "text"))) {
            Path log = second.resolve("service.log");
            Process clash = ServiceProcess.command(second, Map.of("LOG_FORMAT", "text",
                                                                  "SERVER_PORT", String.valueOf(running.port())))
                    .redirectOutput(log.toFile())
                    .start();
            try {
                assertThat(clash.waitFor(60, TimeUnit.SECONDS)).as("the process ends by itself").isTrue();
                String printed = Files.readString(log);
                assertThat(clash.exitValue()).as(printed).isEqualTo(1);
                assertThat(printed).contains("Cannot start the web server").doesNotContain(" serves ");
            } finally {
                clash.destroyForcibly();
            }
            assertThat(send(running, HttpRequest.newBuilder(uri(running, "/health/ready"))).statusCode())
                    .as("the instance that holds the port").isEqualTo(200);
        }
    }

    @Test
    void itListensWhileTheDatabaseOpensAndTurnsReadyOnceItHas(@TempDir Path directory) throws Exception {
        whileTheDatabaseIsAway(directory, (service, proxy) -> {
            HttpResponse<String> unready = awaitAnswer(service.port(), "/health/ready");
            assertThat(unready.statusCode()).isEqualTo(503);
            assertThat(unready.body()).contains("\"state\":\"starting\"")
                    .contains("opening: waiting for the database and its migrations");
            assertThat(awaitAnswer(service.port(), "/health/live").statusCode()).as("alive while it waits").isEqualTo(200);
            assertThat(awaitAnswer(service.port(), "/api/v1/utils/health-check/").body()).as("what needs no database")
                    .isEqualTo("true");

            proxy.pass();
            service.awaitLine(" serves ", Duration.ofSeconds(30));
            assertThat(awaitAnswer(service.port(), "/health/ready").statusCode()).isEqualTo(200);
            assertThat(service.output()).anyMatch(line -> line.contains("Superuser created"));
        });
    }

    @Test
    void aStopWhileTheDatabaseOpensIsGraceful(@TempDir Path directory) throws Exception {
        whileTheDatabaseIsAway(directory, (service, proxy) -> {
            assertThat(awaitAnswer(service.port(), "/health/ready").statusCode()).isEqualTo(503);

            service.terminate();

            assertThat(service.awaitExit(Duration.ofSeconds(15))).as("a requested stop is not a failure").isZero();
            assertThat(service.output()).anyMatch(line -> line.contains("Stopped: requests finished, pools closed"))
                    .noneMatch(line -> line.contains(" serves "));
        });
    }

    /** What a test does with a process whose database is behind a proxy that refuses it for now. */
    private interface StartingService {
        void run(ServiceProcess service, TcpProxy proxy) throws Exception;
    }

    /** Starts the service on an H2 database served over TCP behind a proxy that refuses, and hands both over. */
    private static void whileTheDatabaseIsAway(Path directory, StartingService test) throws Exception {
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", h2.getPort())) {
            proxy.refuse();
            int port = freePort();
            try (ServiceProcess service = ServiceProcess.startOn(port, directory, Map.of(
                    "LOG_FORMAT", "text", "SHUTDOWN_DRAIN_SECONDS", "1",
                    "DATABASE_URL", "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:opening-" + port
                                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                                    + "DB_CLOSE_DELAY=-1"))) {
                test.run(service, proxy);
            }
        } finally {
            h2.stop();
        }
    }

    @Test
    void aDatabaseThatNeverAnswersEndsTheProcessWithAFailure(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("app.yaml"), "database:\n  connect-wait-seconds: 2\n");
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", 9)) {
            proxy.refuse();
            Process never = ServiceProcess.command(directory, Map.of(
                    "LOG_FORMAT", "text", "SERVER_PORT", String.valueOf(freePort()),
                    "DATABASE_URL", "postgresql://postgres@127.0.0.1:" + proxy.port() + "/none"))
                    .redirectOutput(directory.resolve("service.log").toFile())
                    .start();
            try {
                assertThat(never.waitFor(60, TimeUnit.SECONDS)).as("the process ends by itself").isTrue();
                String printed = Files.readString(directory.resolve("service.log"));
                assertThat(never.exitValue()).as(printed).isEqualTo(1);
                assertThat(printed).contains("Cannot start: The database did not answer after 2 attempts")
                        .doesNotContain(" serves ");
            } finally {
                never.destroyForcibly();
            }
        }
    }

    private boolean awaitReadiness(ServiceProcess service, int status) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (send(service, HttpRequest.newBuilder(uri(service, "/health/ready"))).statusCode() == status) {
                    return true;
                }
            } catch (IOException refused) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /**
     * The first answer of {@code path} on {@code port}, trying again while the connection fails (nothing listens yet,
     * or the JDK client's connect failed once under load), at most 60 s.
     */
    private HttpResponse<String> awaitAnswer(int port, String path) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                return send(port, path);
            } catch (IOException notYetListening) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Nothing answered on port " + port + " within 60 s");
                }
                Thread.sleep(50);
            }
        }
    }

    private HttpResponse<String> send(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                 .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> send(ServiceProcess service, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ServiceProcess service, String path) {
        return URI.create(service.baseUrl() + path);
    }
}
