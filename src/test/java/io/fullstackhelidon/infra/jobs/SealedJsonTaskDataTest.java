package io.fullstackhelidon.infra.jobs;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.fullstackhelidon.infra.mail.EmailMessage;
import io.fullstackhelidon.infra.security.SealedData;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SealedJsonTaskDataTest {

    private final SealedJsonTaskData data = new SealedJsonTaskData(new SealedData("job data", "key", List.of()));

    @Test
    void jobDataIsStoredSealedAndReadBack() {
        EmailMessage message = new EmailMessage("to@example.com", "Subject", "<p>Password: hunter22</p>");

        byte[] stored = data.serialize(message);

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("hunter22", "to@example.com");
        assertThat(data.deserialize(EmailMessage.class, stored)).isEqualTo(message);
    }

    @Test
    void aJobQueuedBeforeSealingBeganIsStillRead() {
        byte[] legacy = "{\"to\":\"to@example.com\",\"subject\":\"S\",\"html\":\"<p>x</p>\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(data.deserialize(EmailMessage.class, legacy))
                .isEqualTo(new EmailMessage("to@example.com", "S", "<p>x</p>"));
    }
}
