package io.fullstackhelidon.infra.db;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import io.fullstackhelidon.domain.CauseChain;

import io.helidon.dbclient.DbRow;

/**
 * Normalises the values JDBC drivers hand back differently: H2 reads {@code timestamp with time zone} as
 * {@link OffsetDateTime}, the PostgreSQL driver as {@link Timestamp}.
 */
public final class SqlValues {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CONSTRAINT_VIOLATIONS = "23";

    private SqlValues() {
    }

    /** The instant stored in a timestamp column, or {@code null}. */
    public static Instant instant(DbRow row, String column) {
        Object value = row.column(column).get(Object.class);
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case ZonedDateTime zoned -> zoned.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Unexpected type for " + column + ": " + value.getClass());
        };
    }

    /** A bind value for a timestamp-with-time-zone column. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Whether {@code failure} was caused by a unique constraint (SQLSTATE 23505, the same on H2 and PostgreSQL). */
    public static boolean isUniqueViolation(Throwable failure) {
        return CauseChain.of(failure).stream().anyMatch(
                cause -> cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()));
    }

    /** Whether {@code failure} was caused by a constraint of the data (SQLSTATE class 23: unique, foreign key...). */
    public static boolean isConstraintViolation(Throwable failure) {
        return CauseChain.of(failure).stream().anyMatch(
                cause -> cause instanceof SQLException sql && sql.getSQLState() != null
                         && sql.getSQLState().startsWith(CONSTRAINT_VIOLATIONS));
    }
}
