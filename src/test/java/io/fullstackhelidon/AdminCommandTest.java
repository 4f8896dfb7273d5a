package io.fullstackhelidon;

import java.util.Map;

import io.fullstackhelidon.infra.config.AppConfig;
import io.fullstackhelidon.infra.config.Settings;
import io.fullstackhelidon.infra.db.Migrations;
import io.fullstackhelidon.infra.security.PasswordHasher;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TestDatabases;
import io.fullstackhelidon.support.TestSettings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The prestart commands against a real, fresh database: each does its job, and running it again changes nothing. */
@Slow
class AdminCommandTest {

    @Test
    void migrateCreatesTheSchemaAndNothingElse() {
        String database = TestDatabases.freshUrl();
        Settings settings = settings(database, TestSettings.SUPERUSER_EMAIL);

        AdminCommand.MIGRATE.run(settings);
        AdminCommand.MIGRATE.run(settings);

        assertThat(TestDatabases.queryLong(database, "SELECT COUNT(*) FROM " + Migrations.SERVICE_SCHEMA
                                                     + ".flyway_schema_history WHERE success AND version IS NOT NULL"))
                .as("every version, once each").isEqualTo(TestDatabases.shippedMigrations(database));
        assertThat(TestDatabases.queryLong(database, "SELECT COUNT(*) FROM \"user\"")).isZero();
    }

    @Test
    void createSuperuserCreatesItOnceWithThePassword() {
        String database = TestDatabases.freshUrl();
        String email = "prestart@example.com";

        AdminCommand.CREATE_SUPERUSER.run(settings(database, email));
        AdminCommand.CREATE_SUPERUSER.run(settings(database, email));

        assertThat(TestDatabases.queryLong(database, "SELECT COUNT(*) FROM \"user\"")).isEqualTo(1);
        assertThat(TestDatabases.queryLong(database, "SELECT COUNT(*) FROM \"user\" WHERE email = '" + email
                                                     + "' AND is_superuser AND is_active")).isEqualTo(1);
        String hash = (String) TestDatabases.queryValue(database, "SELECT hashed_password FROM \"user\"");
        assertThat(new PasswordHasher(TestSettings.productionPasswordHash())
                           .verify(TestSettings.SUPERUSER_PASSWORD, hash).matches()).isTrue();
    }

    @Test
    void commandsAreFoundByTheirArgument() {
        assertThat(AdminCommand.named("migrate")).contains(AdminCommand.MIGRATE);
        assertThat(AdminCommand.named("create-superuser")).contains(AdminCommand.CREATE_SUPERUSER);
        assertThat(AdminCommand.named("serve")).isEmpty();
        assertThat(AdminCommand.usage()).contains("migrate").contains("create-superuser").contains("serve");
    }

    private static Settings settings(String database, String superuser) {
        return Settings.from(AppConfig.of(Map.of("app.project-name", "Admin", "security.secret-key", "admin-secret",
                                                 "first-superuser.email", superuser,
                                                 "first-superuser.password", TestSettings.SUPERUSER_PASSWORD,
                                                 "database.url", database), Map.of()));
    }
}
