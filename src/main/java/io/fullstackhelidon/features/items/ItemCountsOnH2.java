package io.fullstackhelidon.features.items;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import io.fullstackhelidon.infra.db.Migrations;
import io.fullstackhelidon.infra.db.SqlValues;

import org.h2.api.Trigger;

/**
 * Keeps {@code item_counts} and {@code item_total} on H2, row by row, as PostgreSQL's statement triggers do (the
 * migrations {@code db/h2/V9} and {@code db/postgresql/V9}): an item counts in the slot of the low 6 bits of its id's
 * last byte, for its owner and in the total.
 */
public final class ItemCountsOnH2 implements Trigger {

    private static final String SCHEMA = Migrations.SERVICE_SCHEMA;

    private int idColumn;
    private int ownerColumn;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                int index = columns.getInt("ORDINAL_POSITION") - 1;
                switch (columns.getString("COLUMN_NAME").toLowerCase()) {
                case "id" -> idColumn = index;
                case "owner_id" -> ownerColumn = index;
                default -> { }
                }
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null && newRow != null && oldRow[ownerColumn].equals(newRow[ownerColumn])) {
            return;
        }
        if (oldRow != null) {
            add(connection, oldRow, -1);
        }
        if (newRow != null) {
            add(connection, newRow, 1);
        }
    }

    /** The count slot of the item {@code id}: the low 6 bits of its last byte. */
    static int slot(UUID id) {
        return (int) (id.getLeastSignificantBits() & 63);
    }

    /**
     * The total's slot first, then the owner's: a batch inserted in slot order (ItemRepository) then takes every
     * count row in one global order, slot by slot, and two batches cannot wait for each other.
     */
    private void add(Connection connection, Object[] row, int delta) throws SQLException {
        int slot = slot((UUID) row[idColumn]);
        upsert(connection, "UPDATE " + SCHEMA + ".item_total SET n = n + ? WHERE slot = ?",
               "INSERT INTO " + SCHEMA + ".item_total (n, slot) VALUES (?, ?)", delta, slot, null);
        upsert(connection, "UPDATE " + SCHEMA + ".item_counts SET n = n + ? WHERE slot = ? AND owner_id = ?",
               "INSERT INTO " + SCHEMA + ".item_counts (n, slot, owner_id) VALUES (?, ?, ?)",
               delta, slot, row[ownerColumn]);
    }

    /** Adds to the slot's row, inserting it when missing; a writer that inserted it first makes this one add. */
    private static void upsert(Connection connection, String update, String insert, int delta, int slot, Object owner)
            throws SQLException {
        if (run(connection, update, delta, slot, owner) == 1) {
            return;
        }
        try {
            run(connection, insert, delta, slot, owner);
        } catch (SQLException e) {
            if (!SqlValues.isUniqueViolation(e)) {
                throw e;
            }
            run(connection, update, delta, slot, owner);
        }
    }

    private static int run(Connection connection, String sql, int delta, int slot, Object owner) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, delta);
            statement.setInt(2, slot);
            if (owner != null) {
                statement.setObject(3, owner);
            }
            return statement.executeUpdate();
        }
    }
}
