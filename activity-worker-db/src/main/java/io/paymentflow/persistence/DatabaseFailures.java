package io.paymentflow.persistence;

import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place that decides whether a database error is worth retrying (CONTRACTS section 7).
 *
 * <p>Permanent, so non-retryable, are only the errors about the row's own values, which come back
 * the same on every attempt: SQLState class 22 (a data exception: a value its column cannot hold, a
 * NUL in text), 23502 (NOT NULL) and 23514 on one of the schema's own CHECK constraints. Such a row
 * is kept for review ({@code PERSIST_REJECTED}) by the payment workflow.
 *
 * <p>Everything else may pass, so the original failure propagates and Temporal retries the
 * activity: connection refused or lost, pool timeout, serialization failure 40001, deadlock 40P01,
 * admin shutdown 57P01, too many connections 53300, a missing table while a deploy is
 * mid-migration, and integrity errors that are the database's state rather than the row's: a unique
 * violation on the primary key (its sequence is behind the table after a restore or a replication
 * cut-over, which would otherwise send every valid event to quarantine), on an unknown constraint,
 * a foreign key, an exclusion, and class 54 (a program limit). The expected conflicts never get
 * here: ON CONFLICT absorbs them.
 */
final class DatabaseFailures {

  /** The schema's CHECK constraints, each on values a row brings (Liquibase changesets). */
  private static final Set<String> VALUE_CHECKS =
      Set.of(
          "payment_events_validation_status_check",
          "payment_events_quarantine_payload_encoding_check",
          "payment_events_quarantine_resolution_check",
          "payment_events_quarantine_reprocess_outcome_check");

  private static final Set<String> PRIMARY_KEYS =
      Set.of("payment_events_pkey", "payment_events_quarantine_pkey");

  private DatabaseFailures() {}

  /** What an activity should throw for {@code failure}: itself, or a failure Temporal reads. */
  static RuntimeException forTemporal(RuntimeException failure) {
    String sqlState = sqlState(failure);
    if (sqlState == null) {
      return failure;
    }
    String constraint = constraint(failure);
    if (isPermanent(sqlState, constraint)) {
      return ApplicationFailure.newNonRetryableFailureWithCause(
          "PostgreSQL rejected the data (SQLState "
              + sqlState
              + (constraint == null ? "" : ", constraint " + constraint)
              + "); retrying cannot help",
          PersistenceFailures.PERMANENT_DATA_ERROR,
          failure);
    }
    if ("23505".equals(sqlState) && PRIMARY_KEYS.contains(constraint)) {
      String table = constraint.substring(0, constraint.length() - "_pkey".length());
      return ApplicationFailure.newFailureWithCause(
          "the primary-key sequence of "
              + table
              + " is behind its rows (after a restore or a replication cut-over?); retrying."
              + " Move it on: SELECT setval(pg_get_serial_sequence('"
              + table
              + "', 'id'), (SELECT max(id) FROM "
              + table
              + "))",
          PersistenceFailures.KEY_SEQUENCE_BEHIND,
          failure);
    }
    return failure;
  }

  /**
   * Whether the error is about the row's own values.
   *
   * @param constraint the constraint the error names, or null
   */
  static boolean isPermanent(String sqlState, String constraint) {
    return sqlState.startsWith("22")
        || sqlState.equals("23502")
        || (sqlState.equals("23514") && VALUE_CHECKS.contains(constraint));
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

  /** The constraint PostgreSQL names in its error, else null. */
  static String constraint(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PSQLException psql) {
        ServerErrorMessage server = psql.getServerErrorMessage();
        return server == null ? null : server.getConstraint();
      }
    }
    return null;
  }
}
