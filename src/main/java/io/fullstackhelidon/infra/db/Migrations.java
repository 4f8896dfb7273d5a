package io.fullstackhelidon.infra.db;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fullstackhelidon.infra.config.ConfigurationException;
import io.fullstackhelidon.infra.config.DatabaseSettings;

import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the current version with Flyway. The template's tables ({@code "user"}, {@code item}) live in
 * the connection's schema, where the template's Alembic expects them; the service's own tables (Flyway's history and
 * the job queue) live in a schema of their own, {@value #SERVICE_SCHEMA}, which Alembic does not look at. A database
 * created by the template backend's Alembic migrations (head {@value #TEMPLATE_ALEMBIC_HEAD}) already has version 1 of
 * our schema: Flyway takes it over with a baseline and leaves its rows alone. A database this service migrated before
 * it had a schema of its own gets its history moved there.
 *
 * <p>Flyway is not started when its history already holds every migration this build ships, each applied with the
 * script's name and checksum (as Flyway's validation would check them) and none failed: on such a database, every
 * start but the first and those after an upgrade, Flyway had nothing to do and took a fifth of the start's time.
 */
public final class Migrations {

    /** The template's final Alembic revision, whose schema equals our V1. */
    public static final String TEMPLATE_ALEMBIC_HEAD = "fe56fa70289e";
    /** The schema of the service's own tables, apart from the template's. */
    public static final String SERVICE_SCHEMA = "full_stack_helidon";

    private static final System.Logger LOGGER = System.getLogger(Migrations.class.getName());
    private static final String ADOPTED_VERSION = "1";
    private static final String HISTORY = "flyway_schema_history";

    private Migrations() {
    }

    /** What the database was before migrating. */
    public enum Origin {
        /** Already holds every migration this build ships, as shipped: Flyway not started. */
        CURRENT,
        /** Managed by Flyway with migrations to apply, or empty. */
        OWN,
        /** Created by the template (Alembic head, or the same tables without Alembic's table): adopted. */
        TEMPLATE
    }

    /** Migrates the database; returns what it was before. */
    public static Origin migrate(DatabaseSettings settings) {
        String templateSchema;
        Origin origin;
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.username(),
                                                                 settings.password())) {
            templateSchema = connection.getSchema();
            boolean ownHistory = hasTable(connection, SERVICE_SCHEMA, HISTORY);
            if (!ownHistory && hasTable(connection, templateSchema, HISTORY)) {
                moveHistory(connection, templateSchema);
                ownHistory = true;
            }
            origin = ownHistory ? Origin.OWN : origin(connection, templateSchema);
            if (ownHistory && ShippedMigration.in(Migrations.class.getClassLoader(), folders(settings))
                        .map(shipped -> allApplied(connection, shipped)).orElse(false)) {
                LOGGER.log(Level.INFO, "The schema is current: every migration of this build is applied as shipped");
                return Origin.CURRENT;
            }
        } catch (SQLException e) {
            throw new ConfigurationException("Cannot connect to the database at " + settings.jdbcUrl() + ": "
                                             + e.getMessage());
        }
        Flyway flyway = Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.username(), settings.password())
                .locations(folders(settings).stream().map(folder -> "classpath:" + folder).toArray(String[]::new))
                .defaultSchema(SERVICE_SCHEMA)
                .callbacks(new TemplateSchemaCallback(templateSchema))
                // for a service table that references a template table (H2 resolves names in the new table's schema)
                .placeholders(Map.of("templateSchema", templateSchema))
                .baselineVersion(ADOPTED_VERSION)
                .baselineDescription("adopted full-stack-fastapi-template schema (Alembic " + TEMPLATE_ALEMBIC_HEAD + ")")
                .load();
        if (origin == Origin.TEMPLATE) {
            LOGGER.log(Level.INFO, "Adopting the full-stack-fastapi-template schema: baseline at version "
                                   + ADOPTED_VERSION + ", existing rows are kept");
            flyway.baseline();
        }
        flyway.migrate();
        return origin;
    }

    /**
     * Where the migrations are, on the class path: the common ones, and those each database does its own way (the
     * item counts' triggers).
     */
    public static List<String> folders(DatabaseSettings settings) {
        return List.of("db/migration", settings.isPostgres() ? "db/postgresql" : "db/h2");
    }

    /**
     * Whether the history holds every migration of {@code shipped} (but the adopted version 1 under a baseline)
     * applied with its script's name and checksum, and no failed one nor any this build does not ship: then Flyway
     * would validate it and have nothing to do.
     */
    private static boolean allApplied(Connection connection, List<ShippedMigration> shipped) {
        Map<String, ShippedMigration> expected = new HashMap<>();
        shipped.forEach(migration -> expected.put(migration.version(), migration));
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, script, checksum, type, success FROM "
                                                        + SERVICE_SCHEMA + "." + HISTORY)) {
            while (rows.next()) {
                String type = rows.getString("type");
                String version = rows.getString("version");
                if (!rows.getBoolean("success")) {
                    return false;
                }
                if (version == null) {
                    continue; // Flyway's notes of the schema and the table it created
                }
                if (type.equals("BASELINE") && ADOPTED_VERSION.equals(version)) {
                    expected.remove(version);
                } else if (type.equals("SQL")) {
                    ShippedMigration applied = expected.remove(version);
                    int checksum = rows.getInt("checksum");
                    if (applied == null || rows.wasNull() || applied.checksum() != checksum
                        || !applied.script().equals(rows.getString("script"))) {
                        return false;
                    }
                } else {
                    return false;
                }
            }
        } catch (SQLException e) {
            LOGGER.log(Level.DEBUG, "The history cannot be read here, Flyway reads it: " + e.getMessage());
            return false;
        }
        return expected.isEmpty();
    }

    /** What a database without the service's history is: the template's, or empty (ours to create). */
    private static Origin origin(Connection connection, String templateSchema) throws SQLException {
        Optional<String> alembicRevision = alembicRevision(connection, templateSchema);
        if (alembicRevision.isPresent()) {
            if (!TEMPLATE_ALEMBIC_HEAD.equals(alembicRevision.get())) {
                throw new ConfigurationException(
                        "The database was created by the template backend's Alembic migrations but is at revision "
                        + alembicRevision.get() + ". Upgrade it to " + TEMPLATE_ALEMBIC_HEAD
                        + " with the template (alembic upgrade head) before starting this service.");
            }
            return Origin.TEMPLATE;
        }
        return hasTable(connection, templateSchema, "user") && hasTable(connection, templateSchema, "item")
                ? Origin.TEMPLATE : Origin.OWN;
    }

    /**
     * Moves the history of a database migrated before the service had a schema of its own. Written once for H2 and
     * PostgreSQL alike: H2 cannot move a table between schemas, so the rows are copied into a table of Flyway's shape.
     */
    private static void moveHistory(Connection connection, String templateSchema) throws SQLException {
        String old = "\"" + templateSchema + "\"." + HISTORY;
        String moved = SERVICE_SCHEMA + "." + HISTORY;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SERVICE_SCHEMA);
            statement.execute("CREATE TABLE " + moved + " AS SELECT * FROM " + old);
            statement.execute("ALTER TABLE " + moved + " ALTER COLUMN installed_rank SET NOT NULL");
            statement.execute("ALTER TABLE " + moved + " ADD CONSTRAINT " + HISTORY + "_pk PRIMARY KEY (installed_rank)");
            statement.execute("ALTER TABLE " + moved + " ALTER COLUMN installed_on SET DEFAULT CURRENT_TIMESTAMP");
            statement.execute("CREATE INDEX " + HISTORY + "_s_idx ON " + moved + " (success)");
            statement.execute("DROP TABLE " + old);
        }
        LOGGER.log(Level.INFO, "Moved the migration history into the service's own schema " + SERVICE_SCHEMA);
    }

    private static Optional<String> alembicRevision(Connection connection, String schema) throws SQLException {
        if (!hasTable(connection, schema, "alembic_version")) {
            return Optional.empty();
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version_num FROM alembic_version")) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    private static boolean hasTable(Connection connection, String schema, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData()
                .getTables(connection.getCatalog(), schema, table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}
