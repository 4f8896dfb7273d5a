package io.fullstackhelidon.features.login;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.fullstackhelidon.infra.db.Migrations;
import io.fullstackhelidon.infra.db.SqlValues;
import io.fullstackhelidon.infra.db.Transactions;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/** SQL for the refresh tokens' table, one method per statement, every statement named (ADR 0005). */
public final class RefreshTokenRepository {

    private static final String TABLE = Migrations.SERVICE_SCHEMA + ".refresh_tokens";
    private static final String COLUMNS = "token_sha256, family_id, user_id, family_started_at, issued_at, spent_at";
    private static final String FIND = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE token_sha256 = ?";
    private static final String INSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SPEND =
            "UPDATE " + TABLE + " SET spent_at = ? WHERE token_sha256 = ? AND spent_at IS NULL";
    private static final String FAMILIES_NEWEST_FIRST = "SELECT family_id, MAX(family_started_at) AS started FROM "
                                                        + TABLE + " WHERE user_id = ? GROUP BY family_id"
                                                        + " ORDER BY started DESC, family_id";

    /**
     * A refresh token as kept: its digest, never the token.
     *
     * @param digest          the token's SHA-256, hex
     * @param familyId        the login it descends from
     * @param userId          whose it is
     * @param familyStarted   when that login was
     * @param issuedAt        when this token was issued
     * @param spentAt         when it was used (and replaced), {@code null} while it is the family's current token
     */
    public record Stored(String digest, UUID familyId, UUID userId, Instant familyStarted, Instant issuedAt,
                         Instant spentAt) {
    }

    private final DbClient db;

    public RefreshTokenRepository(DbClient db) {
        this.db = db;
    }

    public Optional<Stored> find(String digest) {
        return db.execute().createNamedGet("refresh-token-by-digest", FIND).params(digest).execute()
                .map(RefreshTokenRepository::stored);
    }

    public void insert(Stored token) {
        db.execute().createNamedInsert("refresh-token-insert", INSERT).params(parameters(token)).execute();
    }

    /**
     * Spends {@code digest} and stores {@code successor} in one transaction, unless the token was spent meanwhile:
     * the conditional update lets exactly one of concurrent uses win, on every instance.
     */
    public boolean rotate(String digest, Instant at, Stored successor) {
        return Transactions.inTransaction(db, transaction -> {
            boolean won = transaction.createNamedUpdate("refresh-token-spend", SPEND)
                                  .params(SqlValues.timestamp(at), digest).execute() == 1;
            if (won) {
                transaction.createNamedInsert("refresh-token-insert", INSERT).params(parameters(successor)).execute();
            }
            return won;
        });
    }

    /** Ends a family: every token descended from its login. */
    public long endFamily(UUID familyId) {
        return db.execute().createNamedDelete("refresh-family-end", "DELETE FROM " + TABLE + " WHERE family_id = ?")
                .params(familyId).execute();
    }

    /** The user's families, the newest login first. */
    public List<UUID> familiesNewestFirst(UUID userId) {
        return db.execute().createNamedQuery("refresh-families-of-user", FAMILIES_NEWEST_FIRST).params(userId)
                .execute().map(row -> row.column("family_id").get(UUID.class)).toList();
    }

    /** Forgets the family's tokens spent and issued before {@code before}: too old to be good, copies or not. */
    public void forgetSpentBefore(UUID familyId, Instant before) {
        db.execute().createNamedDelete("refresh-spent-forget", "DELETE FROM " + TABLE
                                                               + " WHERE family_id = ? AND spent_at IS NOT NULL"
                                                               + " AND issued_at < ?")
                .params(familyId, SqlValues.timestamp(before)).execute();
    }

    private static Object[] parameters(Stored token) {
        return new Object[] {token.digest(), token.familyId(), token.userId(),
                             SqlValues.timestamp(token.familyStarted()), SqlValues.timestamp(token.issuedAt()),
                             SqlValues.timestamp(token.spentAt())};
    }

    private static Stored stored(DbRow row) {
        return new Stored(row.column("token_sha256").get(String.class), row.column("family_id").get(UUID.class),
                          row.column("user_id").get(UUID.class), SqlValues.instant(row, "family_started_at"),
                          SqlValues.instant(row, "issued_at"), SqlValues.instant(row, "spent_at"));
    }
}
