package io.fullstackhelidon.infra.db;

import java.sql.SQLException;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Runs every migration in the template's schema. Flyway keeps its history in the service's own schema and makes that
 * the connection's default; the migrations' tables ({@code "user"}, {@code item}, their indexes) belong where the
 * template's Alembic has them, and the migrations name the service's schema where they mean it.
 */
final class TemplateSchemaCallback implements Callback {

    private final String schema;

    TemplateSchemaCallback(String schema) {
        this.schema = schema;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            context.getConnection().setSchema(schema);
        } catch (SQLException e) {
            throw new FlywayException("Cannot use the schema " + schema + " for the migrations", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "in-template-schema";
    }
}
