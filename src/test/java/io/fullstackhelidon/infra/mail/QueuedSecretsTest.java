package io.fullstackhelidon.infra.mail;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.fullstackhelidon.infra.config.DatabaseSettings;
import io.fullstackhelidon.infra.jobs.Jobs;
import io.fullstackhelidon.support.Await;
import io.fullstackhelidon.support.Mailbox;
import io.fullstackhelidon.support.RunningInstance;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TestDatabases;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new-account e-mail (which carries the initial password, as in the template) and a recovery e-mail (a live reset
 * link) wait in the job queue while the SMTP server is down. A dump of the whole database taken meanwhile, every
 * binary column decoded, holds neither the password nor the reset token, and neither does any log line (at DEBUG); once the
 * server is up both messages arrive intact and the queue is empty.
 */
@Slow
class QueuedSecretsTest {

    private static final String PASSWORD = "initial-Password-7f3c9a";
    private static final String EMAIL = "queued-secrets@example.com";

    @Test
    void noSecretOfAQueuedMessageIsInTheDatabaseOrTheLog() throws Exception {
        String database = TestDatabases.freshUrl();
        int smtpPort = Mailbox.freePort();
        Map<String, String> settings = new HashMap<>(Mailbox.settings(smtpPort));
        settings.putAll(Map.of("mail.timeout-seconds", "2", "jobs.first-retry-delay-millis", "300",
                               "jobs.max-retries", "50"));
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        root.setLevel(Level.DEBUG);
        String dump;
        try (RunningInstance instance = RunningInstance.start(database, settings)) {
            String token = instance.superuserToken();
            HttpResponse<String> created = instance.send("/api/v1/users/", request -> request
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + EMAIL + "\",\"password\":\""
                                                               + PASSWORD + "\"}")));
            assertThat(created.statusCode()).isEqualTo(200);
            HttpResponse<String> recovery = instance.send(
                    "/api/v1/password-recovery/" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8),
                    request -> request.POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(recovery.statusCode()).isEqualTo(200);
            awaitFailedAttempts(database, 2);

            dump = dump(database);
            assertThat(dump).as("the dump holds the queued jobs").contains("send-email");

            try (Mailbox mailbox = new Mailbox(smtpPort)) {
                List<MimeMessage> messages = mailbox.awaitMessagesTo(EMAIL, 2);
                assertThat(messages).hasSize(2);
                String resetToken = messages.stream().filter(message -> Mailbox.body(message).contains("reset-password"))
                        .findFirst().map(Mailbox::resetToken).orElseThrow();
                assertThat(messages.stream().map(Mailbox::body)).anyMatch(body -> body.contains(PASSWORD));
                assertThat(dump).doesNotContain(PASSWORD).doesNotContain(resetToken);
                assertThat(secretsIn(log.list, PASSWORD, resetToken)).isEmpty();
                awaitQueueEmpty(database);
            }
        } finally {
            root.detachAppender(log);
            root.setLevel(level);
        }
    }

    /** Log lines of the service and its libraries (the test's own SMTP server, GreenMail, logs what it receives). */
    private static List<String> secretsIn(List<ILoggingEvent> events, String... secrets) {
        List<String> found = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(events)) {
            if (event.getLoggerName().startsWith("com.icegreen")) {
                continue;
            }
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                                                                                            : event.getThrowableProxy()
                                                                                                    .getMessage());
            for (String secret : secrets) {
                if (line.contains(secret)) {
                    found.add(line);
                }
            }
        }
        return found;
    }

    /** Every value of every table, binary columns as UTF-8, Base64 and hex, so an encoded secret shows too. */
    private static String dump(String databaseUrl) throws SQLException {
        DatabaseSettings settings = TestDatabases.settings(databaseUrl);
        StringBuilder dump = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.username(),
                                                                 settings.password())) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    String schema = found.getString("TABLE_SCHEM");
                    if (!schema.equalsIgnoreCase("information_schema") && !schema.startsWith("pg_")) {
                        tables.add("\"" + schema + "\".\"" + found.getString("TABLE_NAME") + "\"");
                    }
                }
            }
            assertThat(tables).anyMatch(table -> table.contains("scheduled_tasks")).anyMatch(t -> t.contains("user"));
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        dump.append(table);
                        for (int column = 1; column <= columns; column++) {
                            Object value = rows.getObject(column);
                            dump.append(' ').append(value instanceof byte[] bytes ? decoded(bytes) : value);
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    private static String decoded(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8) + " " + Base64.getEncoder().encodeToString(bytes) + " "
               + HexFormat.of().formatHex(bytes);
    }

    private static void awaitFailedAttempts(String databaseUrl, int jobs) {
        Await.until("both messages failed at least once", () -> TestDatabases.queryLong(
                databaseUrl, "SELECT COUNT(*) FROM " + Jobs.TABLE + " WHERE consecutive_failures >= 1") >= jobs);
    }

    private static void awaitQueueEmpty(String databaseUrl) {
        Await.until("the queue is empty",
                    () -> TestDatabases.queryLong(databaseUrl, "SELECT COUNT(*) FROM " + Jobs.TABLE) == 0);
    }
}
