package io.fullstackhelidon.features.users;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.fullstackhelidon.App;
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

import static io.fullstackhelidon.support.TestApi.randomEmail;
import static io.fullstackhelidon.support.TestApi.randomLower;
import static org.assertj.core.api.Assertions.assertThat;

/** The template's {@code tests/api/routes/test_users.py}, plus the rules it leaves implicit. */
@ServerTest
class UsersApiTest {

    private static final String NOT_ENOUGH_PRIVILEGES = "The user doesn't have enough privileges";

    private final TestApi api;
    private final PasswordHasher hasher;

    UsersApiTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
        this.hasher = new PasswordHasher(app.settings().security().passwordHash());
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void getUsersSuperuserMe() {
        JsonNode me = api.get("/users/me", api.superuserToken()).json();

        assertThat(me.path("is_active").asBoolean()).isTrue();
        assertThat(me.path("is_superuser").asBoolean()).isTrue();
        assertThat(me.path("email").asText()).isEqualTo(TestSettings.SUPERUSER_EMAIL);
    }

    @Test
    void getUsersNormalUserMe() {
        JsonNode me = api.get("/users/me", api.normalUserToken()).json();

        assertThat(me.path("is_active").asBoolean()).isTrue();
        assertThat(me.path("is_superuser").asBoolean()).isFalse();
        assertThat(me.path("email").asText()).isEqualTo(TestSettings.TEST_USER_EMAIL);
    }

    @Test
    void createUserNewEmail() {
        String email = randomEmail();

        Reply reply = api.post("/users/", api.superuserToken(), Map.of("email", email, "password", randomLower()));

        assertThat(reply.status()).isBetween(200, 299);
        assertThat(api.users().findByEmail(email)).hasValueSatisfying(
                user -> assertThat(user.id().toString()).isEqualTo(reply.json().path("id").asText()));
    }

    @Test
    void getExistingUserAsSuperuser() {
        TestApi.Account account = api.randomUser();

        Reply reply = api.get("/users/" + account.id(), api.superuserToken());

        assertThat(reply.status()).isBetween(200, 299);
        assertThat(reply.json().path("email").asText()).isEqualTo(account.user().email());
    }

    @Test
    void getNonExistingUserAsSuperuser() {
        Reply reply = api.get("/users/" + UUID.randomUUID(), api.superuserToken());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text()).isEqualTo("{\"detail\":\"User not found\"}");
    }

    @Test
    void getExistingUserCurrentUser() {
        TestApi.Account account = api.randomUser();
        String token = api.login(account.user().email(), account.password());

        Reply reply = api.get("/users/" + account.id(), token);

        assertThat(reply.status()).isBetween(200, 299);
        assertThat(reply.json().path("email").asText()).isEqualTo(account.user().email());
    }

    @Test
    void getExistingUserPermissionsError() {
        TestApi.Account other = api.randomUser();

        Reply reply = api.get("/users/" + other.id(), api.normalUserToken());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.detail()).isEqualTo(NOT_ENOUGH_PRIVILEGES);
    }

    @Test
    void getNonExistingUserPermissionsError() {
        Reply reply = api.get("/users/" + UUID.randomUUID(), api.normalUserToken());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.detail()).isEqualTo(NOT_ENOUGH_PRIVILEGES);
    }

    @Test
    void createUserExistingUsername() {
        TestApi.Account account = api.randomUser();

        Reply reply = api.post("/users/", api.superuserToken(),
                               Map.of("email", account.user().email(), "password", randomLower()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).isEqualTo("The user with this email already exists in the system.");
        assertThat(reply.json().has("_id")).isFalse();
    }

    @Test
    void createUserByNormalUser() {
        Reply reply = api.post("/users/", api.normalUserToken(),
                               Map.of("email", randomEmail(), "password", randomLower()));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.detail()).isEqualTo(NOT_ENOUGH_PRIVILEGES);
    }

    @Test
    void retrieveUsers() {
        api.randomUser();
        api.randomUser();

        Reply reply = api.get("/users/", api.superuserToken());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("data").size()).isGreaterThan(1);
        assertThat(reply.json().has("count")).isTrue();
        reply.json().path("data").forEach(user -> assertThat(user.has("email")).isTrue());
    }

    @Test
    void updateUserMe() {
        TestApi.Account account = api.randomUser();
        String token = api.login(account.user().email(), account.password());
        String email = randomEmail();

        Reply reply = api.json(Method.PATCH, "/users/me", token, Map.of("full_name", "Updated Name", "email", email));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("email").asText()).isEqualTo(email);
        assertThat(reply.json().path("full_name").asText()).isEqualTo("Updated Name");
        User stored = api.users().findById(account.id()).orElseThrow();
        assertThat(stored.email()).isEqualTo(email);
        assertThat(stored.fullName()).isEqualTo("Updated Name");
    }

    @Test
    void updatePasswordMe() {
        String token = api.superuserToken();
        String newPassword = randomLower();

        Reply reply = api.json(Method.PATCH, "/users/me/password", token,
                               Map.of("current_password", TestSettings.SUPERUSER_PASSWORD, "new_password",
                                      newPassword));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("message").asText()).isEqualTo("Password updated successfully");
        User stored = api.users().findByEmail(TestSettings.SUPERUSER_EMAIL).orElseThrow();
        assertThat(hasher.verify(newPassword, stored.hashedPassword()).matches()).isTrue();

        Reply back = api.json(Method.PATCH, "/users/me/password", token,
                              Map.of("current_password", newPassword, "new_password",
                                     TestSettings.SUPERUSER_PASSWORD));
        assertThat(back.status()).isEqualTo(200);
        User restored = api.users().findByEmail(TestSettings.SUPERUSER_EMAIL).orElseThrow();
        assertThat(hasher.verify(TestSettings.SUPERUSER_PASSWORD, restored.hashedPassword()).matches()).isTrue();
    }

    @Test
    void updatePasswordMeIncorrectPassword() {
        Reply reply = api.json(Method.PATCH, "/users/me/password", api.superuserToken(),
                               Map.of("current_password", randomLower(), "new_password", randomLower()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).isEqualTo("Incorrect password");
    }

    @Test
    void updateUserMeEmailExists() {
        TestApi.Account other = api.randomUser();

        Reply reply = api.json(Method.PATCH, "/users/me", api.normalUserToken(),
                               Map.of("email", other.user().email()));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.detail()).isEqualTo("User with this email already exists");
    }

    @Test
    void updateUserMeWithOwnEmailIsAllowed() {
        Reply reply = api.json(Method.PATCH, "/users/me", api.normalUserToken(),
                               Map.of("email", TestSettings.TEST_USER_EMAIL));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void updatePasswordMeSamePasswordError() {
        Reply reply = api.json(Method.PATCH, "/users/me/password", api.superuserToken(),
                               Map.of("current_password", TestSettings.SUPERUSER_PASSWORD,
                                      "new_password", TestSettings.SUPERUSER_PASSWORD));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).isEqualTo("New password cannot be the same as the current one");
    }

    @Test
    void registerUser() {
        String email = randomEmail();
        String password = randomLower();

        Reply reply = api.post("/users/signup", null,
                               Map.of("email", email, "password", password, "full_name", "Full Name"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("email").asText()).isEqualTo(email);
        assertThat(reply.json().path("full_name").asText()).isEqualTo("Full Name");
        User stored = api.users().findByEmail(email).orElseThrow();
        assertThat(stored.fullName()).isEqualTo("Full Name");
        assertThat(hasher.verify(password, stored.hashedPassword()).matches()).isTrue();
    }

    @Test
    void registerUserAlreadyExistsError() {
        Reply reply = api.post("/users/signup", null,
                               Map.of("email", TestSettings.SUPERUSER_EMAIL, "password", randomLower(),
                                      "full_name", "Full Name"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).isEqualTo("The user with this email already exists in the system");
    }

    @Test
    void registerIgnoresPrivilegeFields() {
        Map<String, Object> body = new HashMap<>(Map.of("email", randomEmail(), "password", randomLower()));
        body.put("is_superuser", true);
        body.put("is_active", false);

        Reply reply = api.post("/users/signup", null, body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("is_superuser").asBoolean()).isFalse();
        assertThat(reply.json().path("is_active").asBoolean()).isTrue();
        assertThat(reply.json().has("hashed_password")).isFalse();
    }

    @Test
    void updateUser() {
        TestApi.Account account = api.randomUser();

        Reply reply = api.json(Method.PATCH, "/users/" + account.id(), api.superuserToken(),
                               Map.of("full_name", "Updated_full_name"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("full_name").asText()).isEqualTo("Updated_full_name");
        assertThat(api.users().findById(account.id()).orElseThrow().fullName()).isEqualTo("Updated_full_name");
    }

    @Test
    void updateUserPasswordIsHashed() {
        TestApi.Account account = api.randomUser();
        String password = randomLower();

        Reply reply = api.json(Method.PATCH, "/users/" + account.id(), api.superuserToken(),
                               Map.of("password", password, "is_active", false));

        assertThat(reply.status()).isEqualTo(200);
        User stored = api.users().findById(account.id()).orElseThrow();
        assertThat(stored.isActive()).isFalse();
        assertThat(stored.hashedPassword()).startsWith("$argon2id$");
        assertThat(hasher.verify(password, stored.hashedPassword()).matches()).isTrue();
    }

    @Test
    void updateUserNotExists() {
        Reply reply = api.json(Method.PATCH, "/users/" + UUID.randomUUID(), api.superuserToken(),
                               Map.of("full_name", "Updated_full_name"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.detail()).isEqualTo("The user with this id does not exist in the system");
    }

    @Test
    void updateUserEmailExists() {
        TestApi.Account account = api.randomUser();
        TestApi.Account other = api.randomUser();

        Reply reply = api.json(Method.PATCH, "/users/" + account.id(), api.superuserToken(),
                               Map.of("email", other.user().email()));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.detail()).isEqualTo("User with this email already exists");
    }

    @Test
    void deleteUserMe() {
        TestApi.Account account = api.randomUser();
        String token = api.login(account.user().email(), account.password());

        Reply reply = api.delete("/users/me", token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("message").asText()).isEqualTo("User deleted successfully");
        assertThat(api.users().findById(account.id())).isEmpty();
        assertThat(api.get("/users/me", token).status()).isEqualTo(404);
    }

    @Test
    void deleteUserMeAsSuperuser() {
        Reply reply = api.delete("/users/me", api.superuserToken());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.detail()).isEqualTo("Super users are not allowed to delete themselves");
    }

    @Test
    void deleteUserSuperUser() {
        TestApi.Account account = api.randomUser();

        Reply reply = api.delete("/users/" + account.id(), api.superuserToken());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("message").asText()).isEqualTo("User deleted successfully");
        assertThat(api.users().findById(account.id())).isEmpty();
    }

    @Test
    void deleteUserNotFound() {
        Reply reply = api.delete("/users/" + UUID.randomUUID(), api.superuserToken());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.detail()).isEqualTo("User not found");
    }

    @Test
    void deleteUserCurrentSuperUserError() {
        User superuser = api.users().findByEmail(TestSettings.SUPERUSER_EMAIL).orElseThrow();

        Reply reply = api.delete("/users/" + superuser.id(), api.superuserToken());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.detail()).isEqualTo("Super users are not allowed to delete themselves");
    }

    @Test
    void deleteUserWithoutPrivileges() {
        TestApi.Account account = api.randomUser();

        Reply reply = api.delete("/users/" + account.id(), api.normalUserToken());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.detail()).isEqualTo(NOT_ENOUGH_PRIVILEGES);
        assertThat(api.users().findById(account.id())).isPresent();
    }

    @Test
    void usersListIsNewestFirstAndCountsEveryone() {
        String token = api.superuserToken();
        api.randomUser();
        TestApi.Account newest = api.randomUser();

        JsonNode first = api.get("/users/?skip=0&limit=1", token).json();
        assertThat(first.path("data").findValuesAsText("id")).containsExactly(newest.id().toString());
        assertThat(first.path("count").asLong()).isEqualTo(api.users().count());

        JsonNode rest = api.get("/users/?skip=1&limit=2", token).json();
        assertThat(rest.path("data").size()).isLessThanOrEqualTo(2);
        assertThat(rest.path("data").findValuesAsText("id")).doesNotContain(newest.id().toString());
    }

    @Test
    void userPublicHasExactlyTheContractKeys() {
        JsonNode me = api.get("/users/me", api.normalUserToken()).json();

        assertThat(me.fieldNames()).toIterable()
                .containsExactly("email", "is_active", "is_superuser", "full_name", "id", "created_at");
    }

    @Test
    void inactiveUserCannotUseATokenOrLogIn() {
        TestApi.Account account = api.randomUser();
        String token = api.login(account.user().email(), account.password());
        api.json(Method.PATCH, "/users/" + account.id(), api.superuserToken(), Map.of("is_active", false));

        Reply me = api.get("/users/me", token);
        assertThat(me.status()).isEqualTo(400);
        assertThat(me.detail()).isEqualTo("Inactive user");

        Reply login = api.postForm("/login/access-token",
                                   Map.of("username", account.user().email(), "password", account.password()));
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.detail()).isEqualTo("Inactive user");
    }

    /** Starlette would take it for a user id (401, then 422 uuid_parsing); it is a resource of its own (ADR 0004). */
    @Test
    void signupIsNotAUserId() {
        Reply reply = api.get("/users/signup", api.normalUserToken());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).hasValue("POST");
    }
}
