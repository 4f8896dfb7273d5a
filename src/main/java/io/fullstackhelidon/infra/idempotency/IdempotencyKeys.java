package io.fullstackhelidon.infra.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.fullstackhelidon.contract.Idempotency;
import io.fullstackhelidon.infra.config.IdempotencySettings;
import io.fullstackhelidon.infra.db.Migrations;
import io.fullstackhelidon.infra.db.SqlValues;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/**
 * Idempotency keys in the service's database, so that every instance sees every key. Taking a key is one insert,
 * which the primary key lets exactly one of concurrent requests win; the others read what is there. A key past its
 * lifetime, or whose first request never finished (an instance that stopped mid-request), is taken over by the next
 * request with it; expired keys are deleted in the background of reservations, once a minute.
 */
public final class IdempotencyKeys implements Idempotency.Store {

    private static final String TABLE = Migrations.SERVICE_SCHEMA + ".idempotency_keys";
    private static final String WHERE_KEY = " WHERE scope = ? AND idem_key = ?";
    private static final Duration CLEANUP_PERIOD = Duration.ofMinutes(1);

    private final DbClient db;
    private final IdempotencySettings settings;
    private final Clock clock;
    private final AtomicLong nextCleanup = new AtomicLong();

    public IdempotencyKeys(DbClient db, IdempotencySettings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Idempotency.Reservation reserve(String scope, String key, String fingerprint) {
        Instant now = clock.instant();
        forgetExpiredKeys(now);
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
        Optional<DbRow> held = db.execute().createNamedGet("idempotency-held", "SELECT fingerprint, status, body,"
                                                                               + " created_at FROM " + TABLE + WHERE_KEY)
                .params(scope, key).execute();
        if (held.isEmpty()) {
            // given back between the insert and this read: the retry may take it on its next try
            return new Idempotency.Reservation.InFlight();
        }
        DbRow row = held.get();
        Number status = row.column("status").get(Number.class);
        Instant created = SqlValues.instant(row, "created_at");
        boolean expired = created.isBefore(now.minus(settings.ttl()));
        boolean abandoned = status == null && created.isBefore(now.minus(settings.abandoned()));
        if (expired || abandoned) {
            return takeOver(scope, key, fingerprint, created, now);
        }
        if (!row.column("fingerprint").get(String.class).equals(fingerprint)) {
            return new Idempotency.Reservation.OtherRequest();
        }
        return status == null ? new Idempotency.Reservation.InFlight()
                              : new Idempotency.Reservation.Answered(status.intValue(),
                                                                     row.column("body").get(String.class));
    }

    /** A key past its lifetime, or abandoned mid-request, for this request: unless another one took it first. */
    private Idempotency.Reservation takeOver(String scope, String key, String fingerprint, Instant seen, Instant now) {
        long taken = db.execute().createNamedUpdate("idempotency-take-over", "UPDATE " + TABLE
                                                                             + " SET fingerprint = ?, status = NULL,"
                                                                             + " body = NULL, created_at = ?"
                                                                             + WHERE_KEY + " AND created_at = ?")
                .params(fingerprint, SqlValues.timestamp(now), scope, key, SqlValues.timestamp(seen))
                .execute();
        return taken == 1 ? new Idempotency.Reservation.Taken() : new Idempotency.Reservation.InFlight();
    }

    /**
     * Deletes every key past its lifetime, at most once a minute per instance, along the index on the creation time:
     * the table holds a day of keys, not every key ever sent.
     */
    private void forgetExpiredKeys(Instant now) {
        long due = nextCleanup.get();
        if (now.toEpochMilli() < due || !nextCleanup.compareAndSet(due, now.plus(CLEANUP_PERIOD).toEpochMilli())) {
            return;
        }
        db.execute().createNamedDelete("idempotency-forget", "DELETE FROM " + TABLE + " WHERE created_at < ?")
                .params(SqlValues.timestamp(now.minus(settings.ttl())))
                .execute();
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
