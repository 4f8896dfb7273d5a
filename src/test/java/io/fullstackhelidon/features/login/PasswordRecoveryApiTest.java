package io.fullstackhelidon.features.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fullstackhelidon.App;
import io.fullstackhelidon.infra.security.AccessTokens;
import io.fullstackhelidon.infra.security.HmacJwt;
import io.fullstackhelidon.infra.security.ResetTokens;
import io.fullstackhelidon.support.Mailbox;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;
import io.fullstackhelidon.support.TestSettings;

import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static io.fullstackhelidon.support.TestApi.randomLower;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password recovery and the other e-mails, delivered over real SMTP to GreenMail: the template's e-mail tests of
 * {@code test_login.py} and {@code test_users.py}, plus the link round trip, the token kinds and HTML escaping.
 */
@ServerTest
class PasswordRecoveryApiTest {

    private static final String GENERIC_ANSWER = "If that email is registered, we sent a password recovery link";
    private static final String PROJECT = "Full Stack Helidon Test";
    private static Mailbox mailbox;

    private final TestApi api;

    PasswordRecoveryApiTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        mailbox = new Mailbox();
        TestServer.configure(server, mailbox.settings());
    }

    @AfterAll
    static void stopMailbox() {
        mailbox.close();
    }

    @Test
    void recoveryPassword() {
        TestApi.Account account = api.randomUser();

        Reply reply = api.call(Method.POST, "/password-recovery/" + account.user().email(), request -> { }, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("message").asText()).isEqualTo(GENERIC_ANSWER);
        List<MimeMessage> messages = mailbox.awaitMessagesTo(account.user().email(), 1);
        assertThat(messages).hasSize(1);
        assertThat(subject(messages.getFirst()))
                .isEqualTo(PROJECT + " - Password recovery for user " + account.user().email());
        assertThat(Mailbox.body(messages.getFirst()))
                .contains("href=\"" + TestSettings.FRONTEND_HOST + "/reset-password?token=")
                .contains("48 hours");
    }

    @Test
    void recoveryPasswordUserNotExists() {
        String email = TestApi.randomEmail();

        Reply reply = api.call(Method.POST, "/password-recovery/" + email, request -> { }, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("message").asText()).isEqualTo(GENERIC_ANSWER);
        TestApi.Account control = api.randomUser();
        api.call(Method.POST, "/password-recovery/" + control.user().email(), request -> { }, null);
        mailbox.awaitMessagesTo(control.user().email(), 1);
        assertThat(mailbox.messagesTo(email)).isEmpty();
    }

    @Test
    void theLinksTokenResetsThePassword() {
        TestApi.Account account = api.randomUser();
        api.call(Method.POST, "/password-recovery/" + account.user().email(), request -> { }, null);
        String token = Mailbox.resetToken(mailbox.awaitMessagesTo(account.user().email(), 1).getFirst());
        String newPassword = randomLower();

        Reply reply = api.post("/reset-password/", null, Map.of("token", token, "new_password", newPassword));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("message").asText()).isEqualTo("Password updated successfully");
        assertThat(api.login(account.user().email(), newPassword)).isNotEmpty();
        assertThat(api.postForm("/login/access-token", Map.of("username", account.user().email(),
                                                              "password", account.password())).status())
                .isEqualTo(400);
    }

    @Test
    void resetPasswordInvalidToken() {
        Reply reply = api.post("/reset-password/", null, Map.of("token", "invalid", "new_password", "changethis"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).isEqualTo("Invalid token");
    }

    @Test
    void expiredTamperedAndWrongKindTokensAreInvalid() {
        TestApi.Account account = api.randomUser();
        String email = account.user().email();
        Clock threeDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(3)), ZoneOffset.UTC);
        String expired = new ResetTokens(new HmacJwt(TestSettings.SECRET_KEY, threeDaysAgo), Duration.ofHours(48))
                .issue(email);
        String otherKey = new ResetTokens(new HmacJwt("not-our-key", Clock.systemUTC()), Duration.ofHours(48))
                .issue(email);
        String accessToken = new AccessTokens(new HmacJwt(TestSettings.SECRET_KEY, Clock.systemUTC()),
                                              Duration.ofHours(1)).issue(account.id(), Optional.empty());

        for (String token : List.of(expired, otherKey, accessToken, expired.substring(0, expired.length() - 3))) {
            Reply reply = api.post("/reset-password/", null, Map.of("token", token, "new_password", "whatever-123"));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.detail()).isEqualTo("Invalid token");
        }
    }

    @Test
    void aValidTokenForAnUnknownAddressIsAnInvalidToken() {
        String token = new ResetTokens(new HmacJwt(TestSettings.SECRET_KEY, Clock.systemUTC()), Duration.ofHours(1))
                .issue(TestApi.randomEmail());

        Reply reply = api.post("/reset-password/", null, Map.of("token", token, "new_password", "whatever-123"));

        assertThat(reply.detail()).isEqualTo("Invalid token");
    }

    @Test
    void inactiveUsersCannotReset() {
        TestApi.Account account = api.randomUser();
        api.json(Method.PATCH, "/users/" + account.id(), api.superuserToken(), Map.of("is_active", false));
        String token = new ResetTokens(new HmacJwt(TestSettings.SECRET_KEY, Clock.systemUTC()), Duration.ofHours(1))
                .issue(account.user().email());

        Reply reply = api.post("/reset-password/", null, Map.of("token", token, "new_password", "whatever-123"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).isEqualTo("Inactive user");
    }

    @Test
    void resetBodyIsValidated() {
        Reply reply = api.post("/reset-password/", null, Map.of("token", "x", "new_password", "short"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.firstIssue().path("loc").toString()).isEqualTo("[\"body\",\"new_password\"]");
    }

    @Test
    void testEmailArrives() {
        String to = TestApi.randomEmail();

        Reply reply = api.call(Method.POST, "/utils/test-email/?email_to=" + to, TestApi.bearer(api.superuserToken()),
                               null);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text()).isEqualTo("{\"message\":\"Test email sent\"}");
        MimeMessage message = mailbox.awaitMessagesTo(to, 1).getFirst();
        assertThat(subject(message)).isEqualTo(PROJECT + " - Test email");
        assertThat(Mailbox.body(message)).contains("Test email for: " + to);
        assertThat(from(message)).isEqualTo(PROJECT + " <info@example.com>");
    }

    @Test
    void testEmailIsForSuperusersAndNeedsAValidAddress() {
        assertThat(api.call(Method.POST, "/utils/test-email/?email_to=a@example.com",
                            TestApi.bearer(api.normalUserToken()), null).status()).isEqualTo(403);
        String token = api.superuserToken();
        Reply missing = api.call(Method.POST, "/utils/test-email/", TestApi.bearer(token), null);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.firstIssue().toString())
                .isEqualTo("{\"type\":\"missing\",\"loc\":[\"query\",\"email_to\"],\"msg\":\"Field required\","
                           + "\"input\":null}");
        assertThat(api.call(Method.POST, "/utils/test-email/?email_to=nope", TestApi.bearer(token), null)
                           .firstIssue().path("type").asText()).isEqualTo("value_error");
    }

    @Test
    void createUserNewEmailSendsTheAccountEmailWithEscapedValues() {
        String email = TestApi.randomEmail();
        String password = "<b>pw&\"</b>";

        Reply reply = api.post("/users/", api.superuserToken(), Map.of("email", email, "password", password));

        assertThat(reply.status()).isEqualTo(200);
        MimeMessage message = mailbox.awaitMessagesTo(email, 1).getFirst();
        assertThat(subject(message)).isEqualTo(PROJECT + " - New account for user " + email);
        assertThat(Mailbox.body(message))
                .contains(email)
                .contains("&lt;b&gt;pw&amp;&quot;&lt;/b&gt;")
                .doesNotContain(password)
                .contains("href=\"" + TestSettings.FRONTEND_HOST + "\"");
    }

    @Test
    void signupSendsNoEmail() {
        String email = TestApi.randomEmail();
        api.post("/users/signup", null, Map.of("email", email, "password", "long-enough"));
        String control = TestApi.randomEmail();
        api.post("/users/", api.superuserToken(), Map.of("email", control, "password", "long-enough"));

        mailbox.awaitMessagesTo(control, 1);

        assertThat(mailbox.messagesTo(email)).isEmpty();
    }

    @Test
    void recoveryHtmlContentIsRenderedForSuperusers() {
        TestApi.Account account = api.randomUser();
        String path = "/password-recovery-html-content/" + account.user().email();

        Reply reply = api.call(Method.POST, path, TestApi.bearer(api.superuserToken()), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(reply.header("subject"))
                .hasValue(PROJECT + " - Password recovery for user " + account.user().email());
        assertThat(reply.text()).contains("/reset-password?token=");

        assertThat(api.call(Method.POST, path, TestApi.bearer(api.normalUserToken()), null).status()).isEqualTo(403);
        Reply unknown = api.call(Method.POST, "/password-recovery-html-content/nobody@example.com",
                                 TestApi.bearer(api.superuserToken()), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).isEqualTo("The user with this username does not exist in the system.");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String from(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).toUnicodeString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
