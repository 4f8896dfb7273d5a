package io.fullstackhelidon.infra.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.fullstackhelidon.infra.jobs.Jobs;
import io.fullstackhelidon.support.Await;
import io.fullstackhelidon.support.Mailbox;
import io.fullstackhelidon.support.RunningInstance;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TestDatabases;

import io.helidon.dbclient.DbRow;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail goes through the durable job queue in the service's database: a failed delivery is retried with growing
 * delays until the SMTP server answers, a queued message outlives the instance that queued it, and with two instances
 * polling one table each message is delivered exactly once. Real SMTP (GreenMail), real database.
 */
@Slow
class EmailJobsTest {

    @Test
    void aFailedDeliveryIsRetriedWithBackOffUntilTheServerAnswers() throws Exception {
        int smtpPort = Mailbox.freePort();
        try (RunningInstance instance = RunningInstance.start(TestDatabases.freshUrl(), mail(smtpPort, Map.of(
                "jobs.first-retry-delay-millis", "300", "jobs.max-retries", "20")))) {
            instance.sendTestEmail(instance.superuserToken(), "retry@example.com");

            Await.until("two failed attempts", () -> instance.app().database().client().execute()
                    .get("SELECT consecutive_failures FROM " + Jobs.TABLE).map(row -> failures(row) >= 2)
                    .orElse(false));
            DbRow job = instance.app().database().client().execute()
                    .get("SELECT consecutive_failures, last_failure, execution_time FROM " + Jobs.TABLE)
                    .orElseThrow();
            Instant lastFailure = instant(job.column("last_failure").get(Object.class));
            Instant next = instant(job.column("execution_time").get(Object.class));
            assertThat(Duration.between(lastFailure, next))
                    .as("the retry after %s failures waits longer than the first delay", failures(job))
                    .isGreaterThan(Duration.ofMillis(300));

            try (Mailbox mailbox = new Mailbox(smtpPort)) {
                assertThat(mailbox.awaitMessagesTo("retry@example.com", 1)).hasSize(1);
                Await.until("the delivered job leaves the queue", () -> queued(instance) == 0);
            }
        }
    }

    @Test
    void aQueuedMessageOutlivesTheInstanceThatQueuedIt() {
        String database = TestDatabases.freshUrl();
        int smtpPort = Mailbox.freePort();
        Map<String, String> slowRetries = mail(smtpPort, Map.of("jobs.first-retry-delay-millis", "1000"));
        try (RunningInstance first = RunningInstance.start(database, slowRetries)) {
            first.sendTestEmail(first.superuserToken(), "restart@example.com");
            Await.until("the first attempt failed", () -> first.app().database().client().execute()
                    .get("SELECT consecutive_failures FROM " + Jobs.TABLE).map(row -> failures(row) >= 1)
                    .orElse(false));
        }
        try (Mailbox mailbox = new Mailbox(smtpPort);
                RunningInstance restarted = RunningInstance.start(database, slowRetries)) {
            assertThat(mailbox.awaitMessagesTo("restart@example.com", 1)).hasSize(1);
            Await.until("the queue is empty", () -> queued(restarted) == 0);
        }
    }

    @Test
    void twoInstancesOnOneDatabaseDeliverEachMessageExactlyOnce() throws Exception {
        String database = TestDatabases.freshUrl();
        int messages = 60;
        try (Mailbox mailbox = new Mailbox();
                RunningInstance first = RunningInstance.start(database, mail(mailbox.port(), Map.of()));
                RunningInstance second = RunningInstance.start(database, mail(mailbox.port(), Map.of()))) {
            // queued on both; each instance polls the shared table, so both compete for every job
            String firstToken = first.superuserToken();
            String secondToken = second.superuserToken();
            IntStream.range(0, messages).parallel().forEach(i -> {
                if (i % 2 == 0) {
                    first.sendTestEmail(firstToken, "once-" + i + "@example.com");
                } else {
                    second.sendTestEmail(secondToken, "once-" + i + "@example.com");
                }
            });

            Await.until("all messages delivered", () -> mailbox.messages().size() >= messages);
            Await.until("the queue is empty", () -> queued(first) == 0);
            Thread.sleep(500); // a duplicate would arrive within this

            Map<String, Long> perRecipient = mailbox.messages().stream()
                    .collect(Collectors.groupingBy(EmailJobsTest::recipient, Collectors.counting()));
            assertThat(perRecipient).hasSize(messages);
            assertThat(perRecipient.values()).containsOnly(1L);
        }
    }

    private static Map<String, String> mail(int smtpPort, Map<String, String> jobs) {
        Map<String, String> settings = new HashMap<>(Mailbox.settings(smtpPort));
        settings.put("mail.timeout-seconds", "2");
        settings.putAll(jobs);
        return settings;
    }

    private static long queued(RunningInstance instance) {
        return instance.app().database().client().execute().get("SELECT COUNT(*) AS n FROM " + Jobs.TABLE)
                .orElseThrow().column("n").get(Number.class).longValue();
    }

    private static int failures(DbRow row) {
        Number failures = row.column("consecutive_failures").get(Number.class);
        return failures == null ? 0 : failures.intValue();
    }

    /** A timestamp column as the driver gives it: H2 an {@link OffsetDateTime}, PostgreSQL a {@link Timestamp}. */
    private static Instant instant(Object column) {
        return column instanceof Timestamp timestamp ? timestamp.toInstant() : ((OffsetDateTime) column).toInstant();
    }

    private static String recipient(MimeMessage message) {
        try {
            return List.of(message.getAllRecipients()).getFirst().toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
