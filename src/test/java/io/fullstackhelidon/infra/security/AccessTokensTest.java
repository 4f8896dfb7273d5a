package io.fullstackhelidon.infra.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Access tokens byte-compatible with the template's PyJWT tokens, and the tokens that must be refused. */
class AccessTokensTest {

    private static final UUID USER = UUID.fromString("b92676b8-d318-4d12-96ef-250fa2e0e885");
    /** {@code jwt.encode({"exp": 1796325058, "sub": USER}, "changethis", algorithm="HS256")} with PyJWT. */
    private static final String PYJWT_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
            + "eyJleHAiOjE3OTYzMjUwNTgsInN1YiI6ImI5MjY3NmI4LWQzMTgtNGQxMi05NmVmLTI1MGZhMmUwZTg4NSJ9."
            + "m1NqiLmjzYSuD2gTcjxCyqm9evwLEEYz1fU0rpcoP1g";
    private static final Instant ISSUED = Instant.ofEpochSecond(1796325058).minus(Duration.ofMinutes(11520));

    @Test
    void issuesExactlyWhatPyJwtIssues() {
        AccessTokens tokens = tokens("changethis", ISSUED);

        assertThat(tokens.issue(USER, Optional.empty())).isEqualTo(PYJWT_TOKEN);
    }

    @Test
    void acceptsTemplateTokensWithAShortKey() {
        assertThat(tokens("changethis", ISSUED.plusSeconds(60)).verify(PYJWT_TOKEN).map(AccessTokens.VerifiedToken::userId)).hasValue(USER);
    }

    @Test
    void expiryHasNoLeeway() {
        Instant expiry = Instant.ofEpochSecond(1796325058);
        assertThat(tokens("changethis", expiry).verify(PYJWT_TOKEN).map(AccessTokens.VerifiedToken::userId)).hasValue(USER);
        assertThat(tokens("changethis", expiry.plusSeconds(1)).verify(PYJWT_TOKEN)).isEmpty();
    }

    @Test
    void refusesOtherKeysTamperingAndOtherAlgorithms() {
        AccessTokens tokens = tokens("changethis", ISSUED);
        String[] parts = PYJWT_TOKEN.split("\\.");

        assertThat(tokens("another key", ISSUED).verify(PYJWT_TOKEN)).isEmpty();
        assertThat(tokens.verify(parts[0] + "." + encode("{\"exp\":1796325058,\"sub\":\""
                                                                  + UUID.randomUUID() + "\"}") + "." + parts[2]))
                .isEmpty();
        assertThat(tokens.verify(encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "."))
                .isEmpty();
        assertThat(tokens.verify(encode("{\"alg\":\"HS384\",\"typ\":\"JWT\"}") + "." + parts[1] + "."
                                         + parts[2])).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("a.b")).isEmpty();
    }

    @Test
    void requiresExpiryAndRespectsNotBefore() {
        HmacJwt jwt = new HmacJwt("changethis", Clock.fixed(ISSUED, ZoneOffset.UTC));
        AccessTokens tokens = new AccessTokens(jwt, Duration.ofMinutes(5));

        String noExpiry = jwt.sign(Json.createObjectBuilder().add("sub", USER.toString()).build());
        String notYet = jwt.sign(Json.createObjectBuilder()
                                         .add("exp", ISSUED.plusSeconds(600).getEpochSecond())
                                         .add("nbf", ISSUED.plusSeconds(60).getEpochSecond())
                                         .add("sub", USER.toString()).build());
        String floatExpiry = jwt.sign(Json.createObjectBuilder()
                                              .add("exp", ISSUED.plusSeconds(600).getEpochSecond() + 0.25)
                                              .add("sub", USER.toString()).build());

        assertThat(tokens.verify(noExpiry)).isEmpty();
        assertThat(tokens.verify(notYet)).isEmpty();
        assertThat(tokens.verify(floatExpiry).map(AccessTokens.VerifiedToken::userId)).hasValue(USER);
    }

    @Test
    void aSubjectThatIsNotAUserIdIsRefused() {
        HmacJwt jwt = new HmacJwt("changethis", Clock.fixed(ISSUED, ZoneOffset.UTC));
        String emailSubject = jwt.sign(Json.createObjectBuilder()
                                               .add("exp", ISSUED.plusSeconds(600).getEpochSecond())
                                               .add("sub", "admin@example.com").build());

        assertThat(new AccessTokens(jwt, Duration.ofMinutes(5)).verify(emailSubject)).isEmpty();
    }

    private static AccessTokens tokens(String key, Instant now) {
        return new AccessTokens(new HmacJwt(key, Clock.fixed(now, ZoneOffset.UTC)), Duration.ofMinutes(11520));
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
