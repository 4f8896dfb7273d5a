package io.fullstackhelidon.features.users;

import java.time.Clock;
import java.util.UUID;

import io.fullstackhelidon.App;
import io.fullstackhelidon.contract.Precondition;
import io.fullstackhelidon.contract.validation.Patch;
import io.fullstackhelidon.infra.config.Settings;
import io.fullstackhelidon.infra.security.PasswordHasher;
import io.fullstackhelidon.support.TestSettings;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.fullstackhelidon.support.TestApi.randomEmail;
import static io.fullstackhelidon.support.TestApi.randomLower;
import static org.assertj.core.api.Assertions.assertThat;

/** The template's data-layer tests ({@code tests/crud/test_user.py}) against the service and the real database. */
class UserServiceTest {

    private static App app;
    private static UserService users;
    private static PasswordHasher hasher;

    @BeforeAll
    static void start() {
        app = App.create(TestSettings.fresh(), Clock.systemUTC());
        users = app.users();
        hasher = new PasswordHasher(app.settings().security().passwordHash());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void createUser() {
        String email = randomEmail();

        User user = users.create(NewUser.regular(email, randomLower(), null));

        assertThat(user.email()).isEqualTo(email);
        assertThat(user.hashedPassword()).isNotEmpty();
        assertThat(users.findByEmail(email)).hasValue(user);
    }

    @Test
    void theUserATokenNamesComesWithoutItsPasswordHashLoadedOrCached() {
        User user = users.create(NewUser.regular(randomEmail(), randomLower(), null));
        assertThat(user.hashedPassword()).isNotEmpty();

        User loaded = users.findTokenSubject(user.id()).orElseThrow();
        User cached = users.findTokenSubject(user.id()).orElseThrow();

        assertThat(loaded.hashedPassword()).isEmpty();
        assertThat(cached.hashedPassword()).isEmpty();
        assertThat(cached).isEqualTo(user.withoutPasswordHash());
    }

    @Test
    void authenticateUser() {
        String email = randomEmail();
        String password = randomLower();
        User user = users.create(NewUser.regular(email, password, null));

        assertThat(users.authenticate(email, password)).hasValueSatisfying(
                authenticated -> assertThat(authenticated.email()).isEqualTo(user.email()));
    }

    @Test
    void notAuthenticateUser() {
        assertThat(users.authenticate(randomEmail(), randomLower())).isEmpty();
    }

    @Test
    void checkIfUserIsActive() {
        assertThat(users.create(NewUser.regular(randomEmail(), randomLower(), null)).isActive()).isTrue();
    }

    @Test
    void checkIfUserIsActiveInactive() {
        User user = users.create(new NewUser(randomEmail(), randomLower(), false, false, null));

        assertThat(users.findById(user.id()).orElseThrow().isActive()).isFalse();
    }

    @Test
    void checkIfUserIsSuperuser() {
        User user = users.create(new NewUser(randomEmail(), randomLower(), true, true, null));

        assertThat(users.findById(user.id()).orElseThrow().isSuperuser()).isTrue();
    }

    @Test
    void checkIfUserIsSuperuserNormalUser() {
        assertThat(users.create(NewUser.regular(randomEmail(), randomLower(), null)).isSuperuser()).isFalse();
    }

    @Test
    void getUser() {
        User user = users.create(new NewUser(randomEmail(), randomLower(), true, true, "Some One"));

        assertThat(users.findById(user.id())).hasValue(user);
    }

    @Test
    void updateUser() {
        User user = users.create(new NewUser(randomEmail(), randomLower(), true, true, null));
        String newPassword = randomLower();

        User updated = users.update(new UserWithToken(user, "admin-token-digest"), user.id(), UserChanges.none(),
                                    Patch.of(newPassword), Precondition.NONE);

        assertThat(updated.email()).isEqualTo(user.email());
        assertThat(updated.hashedPassword()).isNotEqualTo(user.hashedPassword());
        assertThat(hasher.verify(newPassword, updated.hashedPassword()).matches()).isTrue();
    }

    @Test
    void authenticateUserWithBcryptUpgradesToArgon2() {
        String email = randomEmail();
        app.database().client().execute().insert(
                "INSERT INTO \"user\" (id, email, is_active, is_superuser, full_name, hashed_password, created_at) "
                + "VALUES (?, ?, TRUE, FALSE, NULL, ?, NULL)", UUID.randomUUID(), email,
                "$2b$12$taQUrvgHAIyar2Yulsa31emH7VcXZO/EDALccebfL5fl.xR7hZD06");

        User authenticated = users.authenticate(email, "python-made-password").orElseThrow();

        assertThat(authenticated.hashedPassword()).startsWith("$argon2");
        assertThat(users.findByEmail(email).orElseThrow().hashedPassword()).isEqualTo(authenticated.hashedPassword());
    }

    @Test
    void firstSuperuserIsCreatedOnceAndNeverUpdated() {
        User superuser = users.findByEmail(TestSettings.SUPERUSER_EMAIL).orElseThrow();
        assertThat(superuser.isSuperuser()).isTrue();
        assertThat(superuser.fullName()).isNull();

        assertThat(users.ensureSuperuser(new Settings.FirstSuperuser(TestSettings.SUPERUSER_EMAIL, "a-different-password")))
                .as("not created again").isFalse();

        assertThat(users.findByEmail(TestSettings.SUPERUSER_EMAIL)).hasValue(superuser);
    }
}
