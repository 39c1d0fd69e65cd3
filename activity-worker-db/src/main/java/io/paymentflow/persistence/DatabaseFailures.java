package io.paymentflow.persistence;

import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;

/**
 * The one place that decides whether a database error is worth retrying (CONTRACTS section 7).
 *
 * <p>By SQLState class: 22 (data exception: a value the column cannot hold, a NUL in text), 23
 * (integrity violation: NOT NULL, CHECK, a unique key other than the one the upsert targets) and 54
 * (program limit exceeded: an index entry too large for its btree page) fail the same way on every
 * attempt, so they become non-retryable failures. The expected conflict never gets here: ON
 * CONFLICT absorbs it. Everything else (connection refused or lost, pool timeout, serialization
 * failure 40001, deadlock 40P01, admin shutdown 57P01, too many connections 53300, even a missing
 * table while a deploy is mid-migration) may pass, so the original exception propagates and
 * Temporal retries the activity.
 */
final class DatabaseFailures {

  private DatabaseFailures() {}

  /** What an activity should throw for {@code failure}: itself, or a non-retryable failure. */
  static RuntimeException forTemporal(RuntimeException failure) {
    String sqlState = sqlState(failure);
    if (sqlState != null && isPermanent(sqlState)) {
      return ApplicationFailure.newNonRetryableFailureWithCause(
          "PostgreSQL rejected the data (SQLState " + sqlState + "); retrying cannot help",
          PersistenceFailures.PERMANENT_DATA_ERROR,
          failure);
    }
    return failure;
  }

  static boolean isPermanent(String sqlState) {
    return sqlState.startsWith("22") || sqlState.startsWith("23") || sqlState.startsWith("54");
  }

  /** The SQLState of the first SQLException in the cause chain that has one, else null. */
  static String sqlState(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
