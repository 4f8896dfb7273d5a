package io.fullstackhelidon.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import io.fullstackhelidon.db.SqlValues;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

/** SQL for table {@code "user"} (quoted: a reserved word), one method per statement. */
public final class UserRepository {

    private static final String COLUMNS = "id, email, is_active, is_superuser, full_name, hashed_password, created_at";

    private final DbClient db;

    public UserRepository(DbClient db) {
        this.db = db;
    }

    public Optional<User> findById(UUID id) {
        return db.execute().get("SELECT " + COLUMNS + " FROM \"user\" WHERE id = ?", id).map(UserRepository::user);
    }

    public Optional<User> findByEmail(String email) {
        return db.execute().get("SELECT " + COLUMNS + " FROM \"user\" WHERE email = ?", email)
                .map(UserRepository::user);
    }

    /** Newest first; rows without a creation time sort first, as PostgreSQL sorts NULLs under DESC. */
    public List<User> findPage(long skip, long limit) {
        return db.execute()
                .query("SELECT " + COLUMNS + " FROM \"user\" ORDER BY created_at DESC NULLS FIRST, id LIMIT ? OFFSET ?",
                       limit, skip)
                .map(UserRepository::user)
                .toList();
    }

    public long count() {
        return db.execute().get("SELECT COUNT(*) AS n FROM \"user\"").orElseThrow().column("n").get(Number.class)
                .longValue();
    }

    /** Inserts a new row; a taken e-mail address fails with {@link DuplicateEmailException}. */
    public void insert(User user) {
        try {
            db.execute().insert("INSERT INTO \"user\" (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                                user.id(), user.email(), user.isActive(), user.isSuperuser(), user.fullName(),
                                user.hashedPassword(), SqlValues.timestamp(user.createdAt()));
        } catch (RuntimeException e) {
            throw duplicateOrRethrow(e, user.email());
        }
    }

    /** Applies the present fields of {@code changes} in one statement. */
    public void update(UUID id, UserChanges changes) {
        update(db.execute(), id, changes);
    }

    /**
     * Applies {@code changes} unless no other active superuser would be left; {@code false} when refused. Every active
     * superuser is locked first, so that two administrators demoting each other at once cannot both succeed.
     */
    public boolean updateKeepingAnActiveSuperuser(UUID id, UserChanges changes) {
        DbTransaction transaction = db.transaction();
        try {
            long others;
            try (Stream<DbRow> superusers = transaction.query(
                    "SELECT id FROM \"user\" WHERE is_superuser AND is_active FOR UPDATE")) {
                others = superusers.map(row -> row.column("id").get(UUID.class)).filter(other -> !other.equals(id))
                        .count();
            }
            if (others == 0) {
                transaction.rollback();
                return false;
            }
            update(transaction, id, changes);
            transaction.commit();
            return true;
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
    }

    private void update(DbExecute statements, UUID id, UserChanges changes) {
        List<String> assignments = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        changes.email().ifPresent(value -> set(assignments, values, "email", value));
        changes.isActive().ifPresent(value -> set(assignments, values, "is_active", value));
        changes.isSuperuser().ifPresent(value -> set(assignments, values, "is_superuser", value));
        changes.fullName().ifPresent(value -> set(assignments, values, "full_name", value));
        changes.hashedPassword().ifPresent(value -> set(assignments, values, "hashed_password", value));
        if (assignments.isEmpty()) {
            return;
        }
        values.add(id);
        try {
            statements.update("UPDATE \"user\" SET " + String.join(", ", assignments) + " WHERE id = ?",
                              values.toArray());
        } catch (RuntimeException e) {
            throw duplicateOrRethrow(e, changes.email().orElse(""));
        }
    }

    /** Deletes the user; the foreign key's ON DELETE CASCADE removes their items in the same statement. */
    public boolean delete(UUID id) {
        return db.execute().delete("DELETE FROM \"user\" WHERE id = ?", id) > 0;
    }

    private static void set(List<String> assignments, List<Object> values, String column, Object value) {
        assignments.add(column + " = ?");
        values.add(value);
    }

    private static RuntimeException duplicateOrRethrow(RuntimeException failure, String email) {
        return SqlValues.isUniqueViolation(failure) ? new DuplicateEmailException(email, failure) : failure;
    }

    private static User user(DbRow row) {
        return new User(row.column("id").get(UUID.class),
                        row.column("email").get(String.class),
                        row.column("is_active").get(Boolean.class),
                        row.column("is_superuser").get(Boolean.class),
                        row.column("full_name").get(String.class),
                        row.column("hashed_password").get(String.class),
                        SqlValues.instant(row, "created_at"));
    }
}
