package io.paymentflow.localrun;

import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.WorkflowIds;
import java.sql.SQLException;

/**
 * At start, with a new (empty) in-JVM Temporal server: the reviews the last run left open ended
 * with its server, but their rows are still unreviewed. Each gets its review back, under its own
 * id, so that an operator can decide it as if nothing had stopped.
 */
final class OpenReviews {

  private OpenReviews() {}

  /** Starts the review of every unreviewed row that has none; returns how many it started. */
  static int reopen(InJvmWorkflows workflows, QuarantineRows rows) throws SQLException {
    int reopened = 0;
    for (QuarantinedRecord record : rows.unreviewed()) {
      // The bridge may have read the record again and started its review first.
      if (!workflows.exists(WorkflowIds.review(record.readAt())) && workflows.startReview(record)) {
        reopened++;
      }
    }
    return reopened;
  }
}
