package io.fullstackhelidon.contract;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    private final Json json = new Json();

    record Sample(String someName, Instant createdAt, Object nothing) {
    }

    @Test
    void writesSnakeCaseInDeclarationOrderWithNulls() {
        String text = new String(json.bytes(new Sample("x", Instant.parse("2026-08-21T19:41:30.123456Z"), null)));

        assertThat(text).isEqualTo("{\"some_name\":\"x\",\"created_at\":\"2026-08-21T19:41:30.123456Z\","
                                   + "\"nothing\":null}");
    }

    @Test
    void timestampsShowMicrosecondsOnlyWhenNonZero() {
        assertThat(Json.UtcTimestampSerializer.format(Instant.parse("2026-08-21T19:41:30Z")))
                .isEqualTo("2026-08-21T19:41:30Z");
        assertThat(Json.UtcTimestampSerializer.format(Instant.parse("2026-08-21T19:41:30.120Z")))
                .isEqualTo("2026-08-21T19:41:30.120000Z");
        assertThat(Json.UtcTimestampSerializer.format(Instant.parse("2026-08-21T19:41:30.000000999Z")))
                .isEqualTo("2026-08-21T19:41:30Z");
    }

    @Test
    void everyFieldIsZeroPadded() {
        assertThat(Json.UtcTimestampSerializer.format(Instant.parse("0999-01-02T03:04:05.000007Z")))
                .isEqualTo("0999-01-02T03:04:05.000007Z");
        assertThat(Json.UtcTimestampSerializer.format(Instant.parse("2026-12-31T23:59:59.999999Z")))
                .isEqualTo("2026-12-31T23:59:59.999999Z");
    }
}
