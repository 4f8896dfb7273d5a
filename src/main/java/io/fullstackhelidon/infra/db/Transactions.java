package io.fullstackhelidon.infra.db;

import java.util.function.Function;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

/** The one way repositories run statements together: in one DbClient transaction, rolled back on any failure. */
public final class Transactions {

    private Transactions() {
    }

    /** {@code work} in one transaction, committed when it returns (a refusal that changed nothing commits nothing). */
    public static <T> T inTransaction(DbClient db, Function<DbTransaction, T> work) {
        DbTransaction transaction = db.transaction();
        try {
            T result = work.apply(transaction);
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
    }
}
