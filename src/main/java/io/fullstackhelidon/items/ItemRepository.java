package io.fullstackhelidon.items;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.fullstackhelidon.db.SqlValues;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/** SQL for table {@code item}, one method per statement. */
public final class ItemRepository {

    private static final String COLUMNS = "id, title, description, owner_id, created_at";
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC NULLS FIRST, id LIMIT ? OFFSET ?";

    private final DbClient db;

    public ItemRepository(DbClient db) {
        this.db = db;
    }

    public Optional<Item> findById(UUID id) {
        return db.execute().get("SELECT " + COLUMNS + " FROM item WHERE id = ?", id).map(ItemRepository::item);
    }

    public List<Item> findPage(long skip, long limit) {
        return db.execute().query("SELECT " + COLUMNS + " FROM item" + NEWEST_FIRST, limit, skip)
                .map(ItemRepository::item)
                .toList();
    }

    public List<Item> findPageOwnedBy(UUID ownerId, long skip, long limit) {
        return db.execute().query("SELECT " + COLUMNS + " FROM item WHERE owner_id = ?" + NEWEST_FIRST,
                                  ownerId, limit, skip)
                .map(ItemRepository::item)
                .toList();
    }

    public long count() {
        return count(db.execute().get("SELECT COUNT(*) AS n FROM item").orElseThrow());
    }

    public long countOwnedBy(UUID ownerId) {
        return count(db.execute().get("SELECT COUNT(*) AS n FROM item WHERE owner_id = ?", ownerId).orElseThrow());
    }

    public void insert(Item item) {
        db.execute().insert("INSERT INTO item (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                            item.id(), item.title(), item.description(), item.ownerId(),
                            SqlValues.timestamp(item.createdAt()));
    }

    /** Applies the present fields of {@code changes} in one statement. */
    public void update(UUID id, ItemChanges changes) {
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
            return;
        }
        values.add(id);
        db.execute().update("UPDATE item SET " + String.join(", ", assignments) + " WHERE id = ?", values.toArray());
    }

    public void delete(UUID id) {
        db.execute().delete("DELETE FROM item WHERE id = ?", id);
    }

    private static long count(DbRow row) {
        return row.column("n").get(Number.class).longValue();
    }

    private static Item item(DbRow row) {
        return new Item(row.column("id").get(UUID.class),
                        row.column("title").get(String.class),
                        row.column("description").get(String.class),
                        row.column("owner_id").get(UUID.class),
                        SqlValues.instant(row, "created_at"));
    }
}
