package io.paymentflow.localrun;

/**
 * Kafka records published by a demo, against the rows they became. The system's promise is that
 * this balances: every distinct payment event one row, every unreadable or quarantined record one
 * quarantine row, every duplicate nothing.
 */
public record Reconciliation(
    int published,
    int payments,
    int duplicates,
    int poison,
    int dlqPayloads,
    long paymentRows,
    long quarantineRows,
    long duplicateRows) {

  public long expectedQuarantineRows() {
    return (long) poison + dlqPayloads;
  }

  public boolean balanced() {
    return paymentRows == payments
        && quarantineRows == expectedQuarantineRows()
        && duplicateRows == 0;
  }

  public String report() {
    return String.format(
        """
        Reconciliation
          Kafka records published      %6d  (payments %d, duplicates %d, poison %d, DLQ payloads %d)
          payment_events rows          %6d  (expected %d)
          payment_events_quarantine    %6d  (expected %d)
          duplicate rows               %6d  (expected 0)
          lost                         %6d
          %s""",
        published,
        payments,
        duplicates,
        poison,
        dlqPayloads,
        paymentRows,
        payments,
        quarantineRows,
        expectedQuarantineRows(),
        duplicateRows,
        Math.max(0, payments - paymentRows)
            + Math.max(0, expectedQuarantineRows() - quarantineRows),
        balanced()
            ? "OK: every record accounted for, nothing doubled"
            : "MISMATCH: see the logs in .local-run/logs");
  }
}
