package io.fullstackhelidon.infra.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.fullstackhelidon.contract.Idempotency;
import io.fullstackhelidon.infra.config.IdempotencySettings;
import io.fullstackhelidon.infra.db.Migrations;
import io.fullstackhelidon.infra.db.SqlValues;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/**
 * Idempotency keys in the service's database, so that every instance sees every key. Taking a key is one insert,
 * which the primary key lets exactly one of concurrent requests win; the others read what is there. Keys older than
 * the lifetime are forgotten when their scope takes a new one, and a key whose first request never finished (an
 * instance that stopped mid-request) is free again once it is abandoned.
 */
public final class IdempotencyKeys implements Idempotency.Store {

    private static final String TABLE = Migrations.SERVICE_SCHEMA + ".idempotency_keys";
    private static final String WHERE_KEY = " WHERE scope = ? AND idem_key = ?";

    private final DbClient db;
    private final IdempotencySettings settings;
    private final Clock clock;

    public IdempotencyKeys(DbClient db, IdempotencySettings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Idempotency.Reservation reserve(String scope, String key, String fingerprint) {
        Instant now = clock.instant();
        db.execute().createNamedDelete("idempotency-forget", "DELETE FROM " + TABLE + " WHERE scope = ? AND"
                                                             + " (created_at < ? OR (status IS NULL AND created_at < ?))")
                .params(scope, SqlValues.timestamp(now.minus(settings.ttl())),
                        SqlValues.timestamp(now.minus(settings.abandoned())))
                .execute();
        try {
            db.execute().createNamedInsert("idempotency-take", "INSERT INTO " + TABLE
                                                               + " (scope, idem_key, fingerprint, created_at)"
                                                               + " VALUES (?, ?, ?, ?)")
                    .params(scope, key, fingerprint, SqlValues.timestamp(now))
                    .execute();
            return new Idempotency.Reservation.Taken();
        } catch (RuntimeException e) {
            if (!SqlValues.isUniqueViolation(e)) {
                throw e;
            }
        }
        Optional<DbRow> held = db.execute().createNamedGet("idempotency-held", "SELECT fingerprint, status, body FROM "
                                                                               + TABLE + WHERE_KEY)
                .params(scope, key).execute();
        if (held.isEmpty()) {
            // given back between the insert and this read: the retry may take it on its next try
            return new Idempotency.Reservation.InFlight();
        }
        DbRow row = held.get();
        if (!row.column("fingerprint").get(String.class).equals(fingerprint)) {
            return new Idempotency.Reservation.OtherRequest();
        }
        Number status = row.column("status").get(Number.class);
        return status == null ? new Idempotency.Reservation.InFlight()
                              : new Idempotency.Reservation.Answered(status.intValue(),
                                                                     row.column("body").get(String.class));
    }

    @Override
    public void complete(String scope, String key, int status, String body) {
        db.execute().createNamedUpdate("idempotency-answer", "UPDATE " + TABLE + " SET status = ?, body = ?" + WHERE_KEY)
                .params(status, body, scope, key).execute();
    }

    @Override
    public void release(String scope, String key) {
        db.execute().createNamedDelete("idempotency-release", "DELETE FROM " + TABLE + WHERE_KEY)
                .params(scope, key).execute();
    }
}
