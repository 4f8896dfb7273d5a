package io.fullstackhelidon.db;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import io.fullstackhelidon.config.ConfigurationException;
import io.fullstackhelidon.config.DatabaseSettings;

import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the current version with Flyway. A database created by the template backend's Alembic
 * migrations (head {@value #TEMPLATE_ALEMBIC_HEAD}) already has version 1 of our schema: Flyway takes it over with a
 * baseline and leaves its rows alone.
 */
public final class Migrations {

    /** The template's final Alembic revision, whose schema equals our V1. */
    public static final String TEMPLATE_ALEMBIC_HEAD = "fe56fa70289e";

    private static final System.Logger LOGGER = System.getLogger(Migrations.class.getName());
    private static final String ADOPTED_VERSION = "1";

    private Migrations() {
    }

    /** What the database was before migrating. */
    public enum Origin {
        /** Already managed by Flyway, or empty. */
        OWN,
        /** Created by the template (Alembic head, or the same tables without Alembic's table): adopted. */
        TEMPLATE
    }

    /** Migrates the database; returns where it came from. */
    public static Origin migrate(DatabaseSettings settings) {
        Origin origin = origin(settings);
        Flyway flyway = Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.username(), settings.password())
                .locations("classpath:db/migration")
                .baselineOnMigrate(origin == Origin.TEMPLATE)
                .baselineVersion(ADOPTED_VERSION)
                .baselineDescription("adopted full-stack-fastapi-template schema (Alembic " + TEMPLATE_ALEMBIC_HEAD + ")")
                .load();
        if (origin == Origin.TEMPLATE) {
            LOGGER.log(Level.INFO, "Adopting the full-stack-fastapi-template schema: baseline at version "
                                   + ADOPTED_VERSION + ", existing rows are kept");
        }
        flyway.migrate();
        return origin;
    }

    private static Origin origin(DatabaseSettings settings) {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.username(),
                                                                 settings.password())) {
            if (hasTable(connection, "flyway_schema_history")) {
                return Origin.OWN;
            }
            Optional<String> alembicRevision = alembicRevision(connection);
            if (alembicRevision.isPresent()) {
                if (!TEMPLATE_ALEMBIC_HEAD.equals(alembicRevision.get())) {
                    throw new ConfigurationException(
                            "The database was created by the template backend's Alembic migrations but is at revision "
                            + alembicRevision.get() + ". Upgrade it to " + TEMPLATE_ALEMBIC_HEAD
                            + " with the template (alembic upgrade head) before starting this service.");
                }
                return Origin.TEMPLATE;
            }
            return hasTable(connection, "user") && hasTable(connection, "item") ? Origin.TEMPLATE : Origin.OWN;
        } catch (SQLException e) {
            throw new ConfigurationException("Cannot connect to the database at " + settings.jdbcUrl() + ": "
                                             + e.getMessage());
        }
    }

    private static Optional<String> alembicRevision(Connection connection) throws SQLException {
        if (!hasTable(connection, "alembic_version")) {
            return Optional.empty();
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version_num FROM alembic_version")) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData()
                .getTables(connection.getCatalog(), connection.getSchema(), table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}
