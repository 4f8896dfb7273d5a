package io.fullstackhelidon.infra.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.fullstackhelidon.App;
import io.fullstackhelidon.contract.Idempotency.Reservation;
import io.fullstackhelidon.infra.config.IdempotencySettings;
import io.fullstackhelidon.support.MovableClock;
import io.fullstackhelidon.support.TestSettings;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key store's rules on a real database, on a clock the test moves: one taker per key, the in-flight and
 * other-request answers, the kept answer, a key given back, and keys forgotten after their lifetime or abandoned.
 */
class IdempotencyKeysTest {

    private static App app;
    private static final MovableClock CLOCK = new MovableClock(Instant.now());

    @BeforeAll
    static void start() {
        app = App.create(TestSettings.fresh(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private final IdempotencyKeys keys = new IdempotencyKeys(
            app.database().client(), new IdempotencySettings(Duration.ofHours(24), Duration.ofMinutes(1)), CLOCK);
    private final String scope = "user:" + UUID.randomUUID();

    @Test
    void oneTakerPerKeyThenTheAnswerItKept() {
        assertThat(keys.reserve(scope, "k", "request-a")).isInstanceOf(Reservation.Taken.class);
        assertThat(keys.reserve(scope, "k", "request-a")).as("while the first runs")
                .isInstanceOf(Reservation.InFlight.class);
        assertThat(keys.reserve(scope, "k", "request-b")).isInstanceOf(Reservation.OtherRequest.class);
        assertThat(keys.reserve("user:" + UUID.randomUUID(), "k", "request-b")).as("another scope's key")
                .isInstanceOf(Reservation.Taken.class);

        keys.complete(scope, "k", 201, "{\"message\":\"done\"}");

        assertThat(keys.reserve(scope, "k", "request-a")).isEqualTo(new Reservation.Answered(201,
                                                                                             "{\"message\":\"done\"}"));
    }

    @Test
    void aKeyGivenBackOrAbandonedOrExpiredIsFreeAgain() {
        assertThat(keys.reserve(scope, "released", "r")).isInstanceOf(Reservation.Taken.class);
        keys.release(scope, "released");
        assertThat(keys.reserve(scope, "released", "r")).isInstanceOf(Reservation.Taken.class);

        assertThat(keys.reserve(scope, "abandoned", "r")).isInstanceOf(Reservation.Taken.class);
        CLOCK.advance(Duration.ofSeconds(61));
        assertThat(keys.reserve(scope, "abandoned", "r")).as("its first request never answered")
                .isInstanceOf(Reservation.Taken.class);

        assertThat(keys.reserve(scope, "expired", "r")).isInstanceOf(Reservation.Taken.class);
        keys.complete(scope, "expired", 200, "{}");
        CLOCK.advance(Duration.ofHours(23));
        assertThat(keys.reserve(scope, "expired", "r")).isInstanceOf(Reservation.Answered.class);
        CLOCK.advance(Duration.ofHours(2));
        assertThat(keys.reserve(scope, "expired", "r")).isInstanceOf(Reservation.Taken.class);
    }
}
