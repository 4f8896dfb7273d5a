package io.fullstackhelidon.infra.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResetTokensTest {

    /** PyJWT: {@code jwt.encode({"exp": 1796325058.123456, "nbf": 1796152258, "sub": "user@example.com"}, ...)}. */
    private static final String PYJWT_RESET_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
            + "eyJleHAiOjE3OTYzMjUwNTguMTIzNDU2LCJuYmYiOjE3OTYxNTIyNTgsInN1YiI6InVzZXJAZXhhbXBsZS5jb20ifQ."
            + "DrXu8tA7r5Wz3UQuNPa1Q-JGSfZzo2ZSS5MwKvlVjBQ";
    private static final Instant ISSUED = Instant.ofEpochSecond(1796152258, 123456000);

    @Test
    void issuesWhatTheTemplateIssues() {
        assertThat(tokens(ISSUED).issue("user@example.com")).isEqualTo(PYJWT_RESET_TOKEN);
    }

    @Test
    void verifiesUntilExpiry() {
        assertThat(tokens(ISSUED.plusSeconds(60)).verifiedEmail(PYJWT_RESET_TOKEN)).hasValue("user@example.com");
        assertThat(tokens(ISSUED.plus(Duration.ofHours(48)).plusSeconds(1)).verifiedEmail(PYJWT_RESET_TOKEN)).isEmpty();
        assertThat(tokens(ISSUED.minusSeconds(60)).verifiedEmail(PYJWT_RESET_TOKEN)).isEmpty();
    }

    private static ResetTokens tokens(Instant now) {
        return new ResetTokens(new HmacJwt("changethis", Clock.fixed(now, ZoneOffset.UTC)), Duration.ofHours(48));
    }
}
