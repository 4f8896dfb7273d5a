package io.fullstackhelidon.features.items;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.fullstackhelidon.infra.db.Migrations;
import io.fullstackhelidon.infra.db.SqlValues;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/**
 * SQL for table {@code item}, one method per statement. Statements are named: for an unnamed one DbClient names it
 * by hashing its text (a SHA-256 lookup and Base64) on every call, 4 % of an item read's CPU.
 */
public final class ItemRepository {

    private static final String COLUMNS = "id, title, description, owner_id, created_at";
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC NULLS FIRST, id LIMIT ? OFFSET ?";
    private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM item WHERE id = ?";
    /** The row still holds what the API showed of it: its id is bound before, these three after. */
    private static final String UNCHANGED = " AND title = ? AND description IS NOT DISTINCT FROM ? AND owner_id = ?";
    /**
     * The totals the item triggers keep (migration V8), read from at most 64 rows; a {@code BIGINT}, not the
     * {@code NUMERIC} that PostgreSQL's {@code SUM} gives, which the driver would decode on each of the page's rows.
     */
    private static final String OWNER_TOTAL = "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n FROM "
                                              + Migrations.SERVICE_SCHEMA + ".item_counts WHERE owner_id = ?";
    private static final String EVERYONE_TOTAL = "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n FROM "
                                                 + Migrations.SERVICE_SCHEMA + ".item_total";
    private static final String INSERT = "INSERT INTO item (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";

    private static final Comparator<Item> IN_SLOT_ORDER = Comparator
            .comparingInt((Item item) -> ItemCountsOnH2.slot(item.id())).thenComparing(Item::ownerId);

    private final DbClient db;

    public ItemRepository(DbClient db) {
        this.db = db;
    }

    public Optional<Item> findById(UUID id) {
        return db.execute().createNamedGet("item-by-id", FIND_BY_ID).params(id).execute().map(ItemRepository::item);
    }

    /**
     * A page of the items of {@code owner} (of everyone's when empty), newest first, with their total: the page
     * starts after {@code after} when given, else after {@code skip} items (which the database walks: a deep offset
     * costs what it skips, a cursor does not). The page and its total come in one statement, one round trip; only a
     * page past the end, which has no row to carry the total, reads it again.
     */
    public ItemPage findPage(Optional<UUID> owner, Optional<ItemCursor> after, long skip, long limit) {
        List<Object> parameters = new ArrayList<>();
        owner.ifPresent(parameters::add);
        StringBuilder where = new StringBuilder(owner.isPresent() ? " WHERE owner_id = ?" : " WHERE TRUE");
        owner.ifPresent(parameters::add);
        after.ifPresent(cursor -> {
            if (cursor.createdAt() == null) {
                // rows without a time come first and are few (older than the column): the rest all follow them
                where.append(" AND (created_at IS NOT NULL OR id > ?)");
                parameters.add(cursor.id());
            } else {
                // the bound on created_at alone is the index range; the tie on id is a filter within it
                where.append(" AND created_at <= ? AND (created_at < ? OR id > ?)");
                OffsetDateTime time = SqlValues.timestamp(cursor.createdAt());
                parameters.addAll(List.of(time, time, cursor.id()));
            }
        });
        parameters.add(limit);
        parameters.add(skip);
        String total = owner.isPresent() ? OWNER_TOTAL : EVERYONE_TOTAL;
        String name = "item-page" + (owner.isPresent() ? "-of-owner" : "") + (after.isPresent() ? "-after"
                + (after.get().createdAt() == null ? "-untimed" : "") : "");
        List<DbRow> rows = db.execute().createNamedQuery(name, "SELECT " + COLUMNS + ", (" + total + ") AS total"
                                                               + " FROM item" + where + NEWEST_FIRST)
                .params(parameters.toArray()).execute().toList();
        if (!rows.isEmpty()) {
            return new ItemPage(rows.stream().map(ItemRepository::item).toList(),
                                rows.getFirst().column("total").get(Number.class).longValue());
        }
        return new ItemPage(List.of(), db.execute().createNamedGet(name + "-total", total)
                .params(owner.stream().toArray()).execute().orElseThrow().column("n").get(Number.class).longValue());
    }

    /**
     * Inserts {@code items} in one statement (one round trip, one commit), in the order of their count slots, so
     * that concurrent batches take the count rows that H2's row trigger updates in one order (PostgreSQL's statement
     * trigger orders them itself).
     */
    public void insertAll(List<Item> items) {
        List<Object> values = new ArrayList<>(items.size() * 5);
        items.stream().sorted(IN_SLOT_ORDER).forEach(item -> values.addAll(Arrays.asList(
                item.id(), item.title(), item.description(), item.ownerId(), SqlValues.timestamp(item.createdAt()))));
        db.execute().createNamedInsert("item-insert-" + items.size(),
                                       INSERT + ", (?, ?, ?, ?, ?)".repeat(items.size() - 1))
                .params(values.toArray()).execute();
    }

    /**
     * Applies the present fields in one statement; when {@code expected} is given, only if the row still holds what
     * that one does (the compare is in the statement, so that of two writers holding one version exactly one wins).
     * {@code false} when it did not.
     */
    public boolean update(UUID id, ItemChanges changes, Item expected) {
        List<String> assignments = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        changes.title().ifPresent(value -> {
            assignments.add("title = ?");
            values.add(value);
        });
        changes.description().ifPresent(value -> {
            assignments.add("description = ?");
            values.add(value);
        });
        if (assignments.isEmpty()) {
            return true;
        }
        values.add(id);
        if (expected == null) {
            db.execute().createNamedUpdate("item-update", "UPDATE item SET " + String.join(", ", assignments)
                                                          + " WHERE id = ?")
                    .params(values.toArray()).execute();
            return true;
        }
        values.addAll(unchanged(expected));
        return db.execute().createNamedUpdate("item-update-if-unchanged", "UPDATE item SET "
                                                                          + String.join(", ", assignments)
                                                                          + " WHERE id = ?" + UNCHANGED)
                       .params(values.toArray()).execute() == 1;
    }

    /** Deletes the row; when {@code expected} is given, only if it still holds what that one does. */
    public boolean delete(UUID id, Item expected) {
        if (expected == null) {
            db.execute().createNamedDelete("item-delete", "DELETE FROM item WHERE id = ?").params(id).execute();
            return true;
        }
        List<Object> values = new ArrayList<>(List.of(id));
        values.addAll(unchanged(expected));
        return db.execute().createNamedDelete("item-delete-if-unchanged", "DELETE FROM item WHERE id = ?" + UNCHANGED)
                       .params(values.toArray()).execute() == 1;
    }

    /** The values {@link #UNCHANGED} compares with: what the API shows of the row. */
    private static List<Object> unchanged(Item expected) {
        return Arrays.asList(expected.title(), expected.description(), expected.ownerId());
    }

    private static Item item(DbRow row) {
        return new Item(row.column("id").get(UUID.class),
                        row.column("title").get(String.class),
                        row.column("description").get(String.class),
                        row.column("owner_id").get(UUID.class),
                        SqlValues.instant(row, "created_at"));
    }
}
