package io.paymentflow.persistence;

/**
 * Failure types this worker reports to Temporal. Callers may name them in their retry options; the
 * non-retryable ones are also flagged so on the failure itself.
 */
final class PersistenceFailures {

  /**
   * A value that can never be written (unparsable timestamp, currency not 3 letters, score outside
   * numeric(5,4), ...). The bridge should have quarantined it; retrying would never end.
   */
  static final String INVALID_ROW = "InvalidRow";

  /** PostgreSQL rejected the row's own values (a data exception, NOT NULL, a value CHECK). */
  static final String PERMANENT_DATA_ERROR = "PermanentDataError";

  /**
   * A table's primary-key sequence is behind its rows (a restore, a replication cut-over, an insert
   * with explicit ids): every insert collides on the key until an operator moves it on. Retryable:
   * the row is fine, the database is not.
   */
  static final String KEY_SEQUENCE_BEHIND = "KeySequenceBehind";

  /** recordReview found no quarantine row; retryable, as persistQuarantine runs first. */
  static final String QUARANTINE_ROW_MISSING = "QuarantineRowMissing";

  private PersistenceFailures() {}
}
