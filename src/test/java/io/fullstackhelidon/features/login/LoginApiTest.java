package io.fullstackhelidon.features.login;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fullstackhelidon.App;
import io.fullstackhelidon.features.users.User;
import io.fullstackhelidon.infra.security.PasswordHasher;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;
import io.fullstackhelidon.support.TestSettings;

import com.fasterxml.jackson.databind.JsonNode;

import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.fullstackhelidon.support.TestApi.randomEmail;
import static io.fullstackhelidon.support.TestApi.randomLower;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template's {@code tests/api/routes/test_login.py} (the e-mail ones come with password recovery), plus the form
 * rules of the OAuth2 password grant.
 */
@ServerTest
class LoginApiTest {

    /** Hashes of "python-made-password", made by Python's bcrypt (as passlib stores them). */
    static final String PASSWORD = "python-made-password";
    static final String BCRYPT_2B = "$2b$12$taQUrvgHAIyar2Yulsa31emH7VcXZO/EDALccebfL5fl.xR7hZD06";

    private final TestApi api;
    private final PasswordHasher hasher;

    LoginApiTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
        this.hasher = new PasswordHasher(app.settings().security().passwordHash());
    }

    /** With the production cost: logins upgrade hashes to it. */
    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server, TestSettings.PRODUCTION_HASHING);
    }

    @Test
    void getAccessToken() {
        Reply reply = api.postForm("/login/access-token", Map.of("username", TestSettings.SUPERUSER_EMAIL,
                                                                 "password", TestSettings.SUPERUSER_PASSWORD));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("access_token").asText()).isNotEmpty();
        assertThat(reply.json().path("token_type").asText()).isEqualTo("bearer");
        assertThat(reply.json().fieldNames()).toIterable().containsExactly("access_token", "token_type");
    }

    @Test
    void getAccessTokenIncorrectPassword() {
        Reply reply = api.postForm("/login/access-token", Map.of("username", TestSettings.SUPERUSER_EMAIL,
                                                                 "password", "incorrect"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).isEqualTo("Incorrect email or password");
    }

    @Test
    void unknownEmailGetsTheSameAnswerAsAWrongPassword() {
        Reply reply = api.postForm("/login/access-token", Map.of("username", randomEmail(), "password", "whatever1"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).isEqualTo("Incorrect email or password");
    }

    @Test
    void emailsAreMatchedExactly() {
        Reply reply = api.postForm("/login/access-token", Map.of("username", "ADMIN@example.com",
                                                                 "password", TestSettings.SUPERUSER_PASSWORD));

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void useAccessToken() {
        Reply reply = api.call(Method.POST, "/login/test-token", TestApi.bearer(api.superuserToken()), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("email")).isTrue();
        assertThat(reply.json().path("email").asText()).isEqualTo(TestSettings.SUPERUSER_EMAIL);
    }

    @Test
    void loginWithBcryptPasswordUpgradesToArgon2() {
        String email = insertUserWithHash(BCRYPT_2B);

        Reply reply = api.postForm("/login/access-token", Map.of("username", email, "password", PASSWORD));

        assertThat(reply.status()).isEqualTo(200);
        User stored = api.users().findByEmail(email).orElseThrow();
        assertThat(stored.hashedPassword()).startsWith("$argon2");
        PasswordHasher.Verification again = hasher.verify(PASSWORD, stored.hashedPassword());
        assertThat(again.matches()).isTrue();
        assertThat(again.upgradedHash()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$2a$", "$2y$"})
    void otherBcryptPrefixesVerifyAndUpgradeToo(String prefix) {
        String email = insertUserWithHash(prefix + BCRYPT_2B.substring(4));

        assertThat(api.postForm("/login/access-token", Map.of("username", email, "password", PASSWORD)).status())
                .isEqualTo(200);
        assertThat(api.users().findByEmail(email).orElseThrow().hashedPassword()).startsWith("$argon2id$");
    }

    @Test
    void loginWithArgon2PasswordKeepsHash() {
        TestApi.Account account = api.randomUser();
        String before = account.user().hashedPassword();
        assertThat(before).startsWith("$argon2id$v=19$m=65536,t=3,p=4$");

        Reply reply = api.postForm("/login/access-token", Map.of("username", account.user().email(),
                                                                 "password", account.password()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(api.users().findById(account.id()).orElseThrow().hashedPassword()).isEqualTo(before);
    }

    @Test
    void wrongPasswordAgainstBcryptLeavesTheHashAlone() {
        String email = insertUserWithHash(BCRYPT_2B);

        assertThat(api.postForm("/login/access-token", Map.of("username", email, "password", "not-it-at-all"))
                           .status()).isEqualTo(400);
        assertThat(api.users().findByEmail(email).orElseThrow().hashedPassword()).isEqualTo(BCRYPT_2B);
    }

    @Test
    void missingFieldsAreReportedPerField() {
        Reply reply = api.postForm("/login/access-token", Map.of());

        assertThat(reply.status()).isEqualTo(422);
        JsonNode issues = reply.json().path("detail");
        assertThat(issues.size()).isEqualTo(2);
        assertThat(issues.get(0).toString())
                .isEqualTo("{\"type\":\"missing\",\"loc\":[\"body\",\"username\"],\"msg\":\"Field required\","
                           + "\"input\":null}");
        assertThat(issues.get(1).path("loc").toString()).isEqualTo("[\"body\",\"password\"]");
    }

    @Test
    void anEmptyFieldCountsAsMissing() {
        Reply reply = api.postForm("/login/access-token", Map.of("username", "", "password", "x"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.firstIssue().path("loc").toString()).isEqualTo("[\"body\",\"username\"]");
    }

    @Test
    void grantTypeMustBePasswordWhenGiven() {
        Reply wrong = api.postForm("/login/access-token", Map.of("grant_type", "client_credentials",
                                                                 "username", TestSettings.SUPERUSER_EMAIL,
                                                                 "password", TestSettings.SUPERUSER_PASSWORD));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.firstIssue().toString())
                .isEqualTo("{\"type\":\"string_pattern_mismatch\",\"loc\":[\"body\",\"grant_type\"],"
                           + "\"msg\":\"String should match pattern '^password$'\",\"input\":\"client_credentials\","
                           + "\"ctx\":{\"pattern\":\"^password$\"}}");

        Reply right = api.postForm("/login/access-token", Map.of("grant_type", "password",
                                                                 "username", TestSettings.SUPERUSER_EMAIL,
                                                                 "password", TestSettings.SUPERUSER_PASSWORD,
                                                                 "scope", "", "client_id", "ignored"));
        assertThat(right.status()).isEqualTo(200);
    }

    @Test
    void aJsonBodyIsNotAForm() {
        Reply reply = api.post("/login/access-token", null, Map.of("username", TestSettings.SUPERUSER_EMAIL,
                                                                   "password", TestSettings.SUPERUSER_PASSWORD));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("detail").size()).isEqualTo(2);
    }

    @Test
    void testTokenWithoutTokenIs401WithBearerChallenge() {
        Reply reply = api.call(Method.POST, "/login/test-token", request -> { }, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.detail()).isEqualTo("Not authenticated");
        assertThat(reply.header("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void multipartFormsWorkToo() {
        String boundary = "----helidon-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n"
                      + TestSettings.SUPERUSER_EMAIL + "\r\n--" + boundary
                      + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n"
                      + TestSettings.SUPERUSER_PASSWORD + "\r\n--" + boundary + "--\r\n";

        Reply reply = api.call(Method.POST, "/login/access-token",
                               request -> request.header(io.helidon.http.HeaderNames.CONTENT_TYPE,
                                                         "multipart/form-data; boundary=" + boundary), body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("token_type").asText()).isEqualTo("bearer");
    }

    @Test
    void withoutEmailConfiguredRecoveryIsUnavailable() {
        Reply known = api.call(Method.POST, "/password-recovery/" + TestSettings.SUPERUSER_EMAIL, request -> { },
                               null);
        Reply unknown = api.call(Method.POST, "/password-recovery/" + randomEmail(), request -> { }, null);
        Reply test = api.call(Method.POST, "/utils/test-email/?email_to=a@example.com",
                              TestApi.bearer(api.superuserToken()), null);

        for (Reply reply : List.of(known, unknown, test)) {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.text()).isEqualTo("{\"detail\":\"E-mail is not configured\"}");
        }
    }

    private String insertUserWithHash(String hash) {
        String email = randomLower() + "@example.com";
        api.app().database().client().execute().insert(
                "INSERT INTO \"user\" (id, email, is_active, is_superuser, full_name, hashed_password, created_at) "
                + "VALUES (?, ?, TRUE, FALSE, NULL, ?, NULL)", UUID.randomUUID(), email, hash);
        return email;
    }
}
