package io.fullstackhelidon.features.users;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import io.fullstackhelidon.domain.PreconditionFailed;
import io.fullstackhelidon.infra.db.Migrations;
import io.fullstackhelidon.infra.db.SqlValues;
import io.fullstackhelidon.infra.db.Transactions;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

/**
 * SQL for table {@code "user"} (quoted: a reserved word), one method per statement, and for the users' token
 * revocations, which every read of a user joins. Every statement is named: for an unnamed one DbClient names it by
 * hashing its text on every call.
 */
public final class UserRepository {

    private static final String COLUMNS = "id, email, is_active, is_superuser, full_name, hashed_password, created_at";
    private static final String REVOCATIONS = Migrations.SERVICE_SCHEMA + ".token_revocations";
    private static final String INSERT = "INSERT INTO \"user\" (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    /** The row still holds what the API showed of it: its id is bound before, these four after. */
    private static final String UNCHANGED = " AND email = ? AND is_active = ? AND is_superuser = ?"
                                            + " AND full_name IS NOT DISTINCT FROM ?";
    private static final String UPDATE_REVOCATION =
            "UPDATE " + REVOCATIONS + " SET not_before = ?, kept_token_sha256 = ? WHERE user_id = ?";
    private static final String INSERT_REVOCATION =
            "INSERT INTO " + REVOCATIONS + " (user_id, not_before, kept_token_sha256) VALUES (?, ?, ?)";
    private static final String SELECT = "SELECT u.id, u.email, u.is_active, u.is_superuser, u.full_name, "
                                         + "u.hashed_password, u.created_at, r.not_before, r.kept_token_sha256 "
                                         + "FROM \"user\" u LEFT JOIN " + REVOCATIONS + " r ON r.user_id = u.id ";
    private static final String FIND_BY_ID = SELECT + "WHERE u.id = ?";
    private static final String FIND_BY_EMAIL = SELECT + "WHERE u.email = ?";

    private final DbClient db;

    public UserRepository(DbClient db) {
        this.db = db;
    }

    public Optional<User> findById(UUID id) {
        return db.execute().createNamedGet("user-by-id", FIND_BY_ID).params(id).execute().map(UserRepository::user);
    }

    public Optional<User> findByEmail(String email) {
        return db.execute().createNamedGet("user-by-email", FIND_BY_EMAIL).params(email).execute()
                .map(UserRepository::user);
    }

    /** Newest first; rows without a creation time sort first, as PostgreSQL sorts NULLs under DESC. */
    public List<User> findPage(long skip, long limit) {
        return db.execute()
                .createNamedQuery("user-page", SELECT + "ORDER BY u.created_at DESC NULLS FIRST, u.id LIMIT ? OFFSET ?")
                .params(limit, skip)
                .execute()
                .map(UserRepository::user)
                .toList();
    }

    public long count() {
        return db.execute().createNamedGet("user-count", "SELECT COUNT(*) AS n FROM \"user\"").execute().orElseThrow()
                .column("n").get(Number.class).longValue();
    }

    /** Inserts a new row; a taken e-mail address fails with {@link DuplicateEmailException}. */
    public void insert(User user) {
        try {
            db.execute().createNamedInsert("user-insert", INSERT)
                    .params(user.id(), user.email(), user.isActive(), user.isSuperuser(), user.fullName(),
                            user.hashedPassword(), SqlValues.timestamp(user.createdAt()))
                    .execute();
        } catch (RuntimeException e) {
            throw duplicateOrRethrow(e, user.email());
        }
    }

    /** Applies the present fields of {@code changes} in one statement. */
    public void update(UUID id, UserChanges changes) {
        update(db.execute(), id, changes, null);
    }

    /**
     * Applies {@code changes} and, unless it is {@code null}, records {@code revocation} with them in one transaction.
     */
    public void update(UUID id, UserChanges changes, TokenRevocation revocation) {
        update(id, changes, revocation, null);
    }

    /**
     * Like {@link #update(UUID, UserChanges, TokenRevocation)}; when {@code expected} is given, only if the row still
     * holds what that one shows (else {@link PreconditionFailed}, and nothing is written).
     */
    public void update(UUID id, UserChanges changes, TokenRevocation revocation, User expected) {
        if (revocation == null) {
            if (!update(db.execute(), id, changes, expected)) {
                throw new PreconditionFailed();
            }
            return;
        }
        Transactions.inTransaction(db, transaction -> {
            if (!update(transaction, id, changes, expected)) {
                throw new PreconditionFailed();
            }
            revoke(transaction, id, revocation);
            return null;
        });
    }

    /** Records {@code revocation} for user {@code id}, replacing an earlier one. */
    public void revokeTokens(UUID id, TokenRevocation revocation) {
        update(id, UserChanges.none(), revocation);
    }

    /**
     * Applies {@code changes} (and records {@code revocation} when not {@code null}) unless no other active superuser
     * would be left; {@code false} when refused. Every active superuser is locked first, so that two administrators
     * demoting each other at once cannot both succeed.
     */
    public boolean updateKeepingAnActiveSuperuser(UUID id, UserChanges changes, TokenRevocation revocation,
                                                  User expected) {
        return Transactions.inTransaction(db, transaction -> {
            long others;
            try (Stream<DbRow> superusers = transaction.createNamedQuery(
                    "active-superusers-locked", "SELECT id FROM \"user\" WHERE is_superuser AND is_active FOR UPDATE")
                    .execute()) {
                others = superusers.map(row -> row.column("id").get(UUID.class)).filter(other -> !other.equals(id))
                        .count();
            }
            if (others == 0) {
                return false;
            }
            if (!update(transaction, id, changes, expected)) {
                throw new PreconditionFailed();
            }
            if (revocation != null) {
                revoke(transaction, id, revocation);
            }
            return true;
        });
    }

    /** {@code false} when {@code expected} was given and the row no longer holds what it shows. */
    private boolean update(DbExecute statements, UUID id, UserChanges changes, User expected) {
        List<String> assignments = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        changes.email().ifPresent(value -> set(assignments, values, "email", value));
        changes.isActive().ifPresent(value -> set(assignments, values, "is_active", value));
        changes.isSuperuser().ifPresent(value -> set(assignments, values, "is_superuser", value));
        changes.fullName().ifPresent(value -> set(assignments, values, "full_name", value));
        changes.hashedPassword().ifPresent(value -> set(assignments, values, "hashed_password", value));
        if (assignments.isEmpty()) {
            return true;
        }
        values.add(id);
        try {
            if (expected == null) {
                statements.createNamedUpdate("user-update", "UPDATE \"user\" SET " + String.join(", ", assignments)
                                                            + " WHERE id = ?")
                        .params(values.toArray())
                        .execute();
                return true;
            }
            values.addAll(unchanged(expected));
            return statements.createNamedUpdate("user-update-if-unchanged",
                                                "UPDATE \"user\" SET " + String.join(", ", assignments) + " WHERE id = ?"
                                                + UNCHANGED)
                           .params(values.toArray())
                           .execute() == 1;
        } catch (RuntimeException e) {
            throw duplicateOrRethrow(e, changes.email().orElse(""));
        }
    }

    /**
     * Deletes the user and their token revocation; the foreign key's ON DELETE CASCADE removes their items in the
     * same statement.
     */
    public boolean delete(UUID id) {
        return delete(id, null);
    }

    /** Like {@link #delete(UUID)}; when {@code expected} is given, only if the row still holds what that one shows. */
    public boolean delete(UUID id, User expected) {
        return Transactions.inTransaction(db, transaction -> {
            List<Object> values = new ArrayList<>(List.of(id));
            String sql = "DELETE FROM \"user\" WHERE id = ?";
            if (expected != null) {
                values.addAll(unchanged(expected));
                sql += UNCHANGED;
            }
            boolean deleted = transaction.createNamedDelete(expected == null ? "user-delete" : "user-delete-if-unchanged",
                                                            sql)
                                      .params(values.toArray())
                                      .execute() > 0;
            if (deleted) {
                transaction.createNamedDelete("revocation-delete", "DELETE FROM " + REVOCATIONS + " WHERE user_id = ?")
                        .params(id)
                        .execute();
            }
            return deleted;
        });
    }

    /** The values {@link #UNCHANGED} compares with: what the API shows of the row. */
    private static List<Object> unchanged(User expected) {
        return Arrays.asList(expected.email(), expected.isActive(), expected.isSuperuser(), expected.fullName());
    }

    /** The user's row is locked first, so that concurrent revocations of one user take turns (no duplicate insert). */
    private static void revoke(DbTransaction transaction, UUID id, TokenRevocation revocation) {
        transaction.createNamedGet("user-lock", "SELECT id FROM \"user\" WHERE id = ? FOR UPDATE").params(id).execute();
        Object notBefore = SqlValues.timestamp(revocation.notBefore());
        if (transaction.createNamedUpdate("revocation-update", UPDATE_REVOCATION)
                    .params(notBefore, revocation.keptTokenDigest(), id).execute() == 0) {
            transaction.createNamedInsert("revocation-insert", INSERT_REVOCATION)
                    .params(id, notBefore, revocation.keptTokenDigest()).execute();
        }
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
                        SqlValues.instant(row, "created_at"),
                        revocation(row));
    }

    private static TokenRevocation revocation(DbRow row) {
        Instant notBefore = SqlValues.instant(row, "not_before");
        return notBefore == null ? null
                                 : new TokenRevocation(notBefore, row.column("kept_token_sha256").get(String.class));
    }
}
