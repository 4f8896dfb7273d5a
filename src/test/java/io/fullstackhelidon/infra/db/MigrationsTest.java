package io.fullstackhelidon.infra.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.fullstackhelidon.App;
import io.fullstackhelidon.features.users.User;
import io.fullstackhelidon.infra.config.AppConfig;
import io.fullstackhelidon.infra.config.ConfigurationException;
import io.fullstackhelidon.infra.config.DatabaseSettings;
import io.fullstackhelidon.infra.config.Settings;
import io.fullstackhelidon.infra.jobs.Jobs;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TestDatabases;
import io.fullstackhelidon.support.TestSettings;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Taking over a database the template backend created (runs on H2, or on PostgreSQL when {@code TEST_DATABASE_URL}
 * is set): the schema of Alembic head {@value Migrations#TEMPLATE_ALEMBIC_HEAD} is adopted as our version 1.
 */
@Slow
class MigrationsTest {

    /** The tables as the template's Alembic migrations leave them. */
    private static final String[] TEMPLATE_SCHEMA = {
            "CREATE TABLE \"user\" (email VARCHAR(255) NOT NULL, is_active BOOLEAN NOT NULL, "
            + "is_superuser BOOLEAN NOT NULL, full_name VARCHAR(255), hashed_password VARCHAR NOT NULL, "
            + "id UUID NOT NULL, created_at TIMESTAMP WITH TIME ZONE, CONSTRAINT user_pkey PRIMARY KEY (id))",
            "CREATE UNIQUE INDEX ix_user_email ON \"user\" (email)",
            "CREATE TABLE item (description VARCHAR(255), title VARCHAR(255) NOT NULL, id UUID NOT NULL, "
            + "owner_id UUID NOT NULL, created_at TIMESTAMP WITH TIME ZONE, CONSTRAINT item_pkey PRIMARY KEY (id), "
            + "CONSTRAINT item_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES \"user\" (id) ON DELETE CASCADE)"};
    private static final String OWNER_ID = "5f0c3e8a-3b7e-4c55-9d38-1f9a2b6c7d01";
    private static final String ITEM_ID = "7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String BCRYPT_OF_PYTHON_MADE_PASSWORD =
            "$2b$12$taQUrvgHAIyar2Yulsa31emH7VcXZO/EDALccebfL5fl.xR7hZD06";

    @Test
    void anEmptyDatabaseGetsOurSchema() {
        String url = TestDatabases.freshUrl();

        assertThat(Migrations.migrate(TestDatabases.settings(url))).isEqualTo(Migrations.Origin.OWN);
        assertThat(Migrations.migrate(TestDatabases.settings(url))).as("every shipped script's checksum as Flyway's")
                .isEqualTo(Migrations.Origin.CURRENT);
    }

    @Test
    void aHistoryThatDiffersFromTheShippedScriptsIsLeftToFlywaysValidation() {
        String url = TestDatabases.freshUrl();
        Migrations.migrate(TestDatabases.settings(url));
        // a landed migration edited afterwards: its checksum no longer matches the history's
        TestDatabases.execute(url, "UPDATE " + Migrations.SERVICE_SCHEMA + ".flyway_schema_history "
                                   + "SET checksum = checksum + 1 WHERE version = '2'");

        assertThatThrownBy(() -> Migrations.migrate(TestDatabases.settings(url)))
                .hasMessageContaining("checksum mismatch").hasMessageContaining("2");
    }

    @Test
    void aTemplateDatabaseAtAlembicHeadIsAdoptedWithItsRows() {
        String url = templateDatabase(Migrations.TEMPLATE_ALEMBIC_HEAD);

        try (App app = App.create(settings(url), Clock.systemUTC())) {
            User owner = app.users().findById(UUID.fromString(OWNER_ID)).orElseThrow();
            assertThat(owner.email()).isEqualTo("owner@example.com");
            assertThat(owner.createdAt()).isNull();
            assertThat(count(app, "SELECT COUNT(*) AS n FROM item WHERE id = '" + ITEM_ID + "'")).isEqualTo(1);
            // the adopted items are counted, each in the slot its triggers would use: its id's last hex digit (d)
            assertThat(count(app, "SELECT n FROM " + Migrations.SERVICE_SCHEMA + ".item_counts WHERE owner_id = '"
                                  + OWNER_ID + "' AND slot = 13")).isEqualTo(1);
            assertThat(count(app, "SELECT SUM(n) AS n FROM " + Migrations.SERVICE_SCHEMA + ".item_total")).isEqualTo(1);
            assertThat(count(app, "SELECT COUNT(*) AS n FROM " + Migrations.SERVICE_SCHEMA + ".flyway_schema_history "
                                  + "WHERE version = '1' AND type = 'BASELINE'")).isEqualTo(1);
            assertThat(tablesIn(url, "public")).containsExactlyInAnyOrder("user", "item", "alembic_version");
            assertThat(count(app, "SELECT COUNT(*) AS n FROM \"user\" WHERE email = '"
                                  + TestSettings.SUPERUSER_EMAIL + "'")).isEqualTo(1);
            assertThat(app.users().authenticate("owner@example.com", "python-made-password")).isPresent();
        }
        assertThat(Migrations.migrate(TestDatabases.settings(url))).isEqualTo(Migrations.Origin.CURRENT);
    }

    @Test
    void theServicesOwnTablesStayOutOfTheTemplatesSchema() {
        String url = TestDatabases.freshUrl();

        Migrations.migrate(TestDatabases.settings(url));

        assertThat(tablesIn(url, "public")).containsExactlyInAnyOrder("user", "item");
        assertThat(tablesIn(url, Migrations.SERVICE_SCHEMA))
                .containsExactlyInAnyOrder("flyway_schema_history", "idempotency_keys", "item_counts", "item_total",
                                           "refresh_tokens", "scheduled_tasks", "token_revocations");
    }

    @Test
    void aDatabaseMigratedBeforeTheServiceHadItsOwnSchemaMovesThereWithItsJobs() {
        String url = TestDatabases.freshUrl();
        DatabaseSettings database = TestDatabases.settings(url);
        // what earlier releases did: everything in the connection's schema, up to version 3
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration").target("3").load().migrate();
        TestDatabases.execute(url, "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, "
                                   + "version) VALUES ('send-email', 'queued-before', CURRENT_TIMESTAMP, FALSE, 1)");

        assertThat(Migrations.migrate(database)).isEqualTo(Migrations.Origin.OWN);

        assertThat(tablesIn(url, "public")).containsExactlyInAnyOrder("user", "item");
        assertThat(TestDatabases.queryLong(url, "SELECT COUNT(*) FROM " + Migrations.SERVICE_SCHEMA
                                                + ".flyway_schema_history WHERE success AND version IS NOT NULL"))
                .as("every version").isEqualTo(TestDatabases.shippedMigrations(url));
        assertThat(TestDatabases.queryValue(url, "SELECT task_instance FROM " + Jobs.TABLE)).isEqualTo("queued-before");
        assertThat(Migrations.migrate(database)).isEqualTo(Migrations.Origin.CURRENT);
    }

    @Test
    void theTemplatesTablesWithoutAlembicAreAdoptedToo() {
        String url = TestDatabases.freshUrl();
        TestDatabases.execute(url, TEMPLATE_SCHEMA);

        assertThat(Migrations.migrate(TestDatabases.settings(url))).isEqualTo(Migrations.Origin.TEMPLATE);
    }

    @Test
    void anOlderAlembicRevisionIsRefusedWithAnExplanation() {
        String url = templateDatabase("1a31ce608336");

        assertThatThrownBy(() -> Migrations.migrate(TestDatabases.settings(url)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("revision 1a31ce608336")
                .hasMessageContaining("alembic upgrade head");
    }

    private static String templateDatabase(String alembicRevision) {
        String url = TestDatabases.freshUrl();
        TestDatabases.execute(url, TEMPLATE_SCHEMA);
        TestDatabases.execute(
                url,
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
                "INSERT INTO alembic_version (version_num) VALUES ('" + alembicRevision + "')",
                "INSERT INTO \"user\" (email, is_active, is_superuser, full_name, hashed_password, id, created_at) "
                + "VALUES ('owner@example.com', TRUE, FALSE, 'Owner', '" + BCRYPT_OF_PYTHON_MADE_PASSWORD + "', '"
                + OWNER_ID + "', NULL)",
                "INSERT INTO item (description, title, id, owner_id, created_at) VALUES (NULL, 'kept', '" + ITEM_ID
                + "', '" + OWNER_ID + "', NULL)");
        return url;
    }

    private static Settings settings(String databaseUrl) {
        Map<String, String> entries = new HashMap<>(Map.of(
                "app.project-name", "p", "app.environment", "development", "security.secret-key", "k",
                "first-superuser.email", TestSettings.SUPERUSER_EMAIL,
                "first-superuser.password", TestSettings.SUPERUSER_PASSWORD, "database.url", databaseUrl));
        return Settings.from(AppConfig.of(entries, Map.of()));
    }

    /** The tables of {@code schema}, lower-cased. */
    private static List<String> tablesIn(String url, String schema) {
        DatabaseSettings database = TestDatabases.settings(url);
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                                                                 database.password());
                ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), schema, "%",
                                                                    new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private static long count(App app, String sql) {
        return app.database().client().execute().get(sql).orElseThrow().column("n").get(Number.class).longValue();
    }
}
