package io.paymentflow.systemtest;

import io.paymentflow.localrun.LocalPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Checks on the rows a stream became, beyond their count. */
final class RowChecks {

  /**
   * Rows missing an enrichment that CONTRACTS 2.2 says applies, without an enrichment error naming
   * it: an enrichment silently lost. Each such row is returned as its event id.
   */
  static final String INCOMPLETE =
      """
      WITH r AS (
        SELECT event_id, fraud_score, retry_strategy, churn_score, customer_id,
               coalesce(enrichment_errors, '[]'::jsonb) AS errors,
               lower(coalesce(status, '')) AS s, lower(coalesce(event_type, '')) AS t
          FROM payment_events WHERE event_id LIKE ?)
      SELECT event_id FROM r WHERE
           (s IN ('succeeded','captured','settled','approved','authorized')
              AND t NOT LIKE 'refund.%' AND t NOT LIKE 'dispute.%'
              AND fraud_score IS NULL
              AND NOT errors @> '[{"enrichment":"fraud_score"}]')
        OR ((s IN ('failed','declined','requires_payment_method','settlement_declined')
              OR t LIKE '%.failed' OR t LIKE '%.charge_failed')
              AND t NOT LIKE 'refund.%' AND t NOT LIKE 'dispute.%'
              AND retry_strategy IS NULL
              AND NOT errors @> '[{"enrichment":"retry_strategy"}]')
        OR (customer_id IS NOT NULL AND churn_score IS NULL
              AND NOT errors @> '[{"enrichment":"churn_prediction"}]')
      """;

  private RowChecks() {}

  static List<String> incompleteRows(LocalPostgres postgres, String marker) throws SQLException {
    return strings(postgres, INCOMPLETE, "%" + marker + "%");
  }

  /** Rows of a stream that carry an enrichment error (degraded, with the reason). */
  static long degradedRows(LocalPostgres postgres, String marker) throws SQLException {
    return strings(
            postgres,
            "SELECT event_id FROM payment_events WHERE event_id LIKE ?"
                + " AND jsonb_array_length(coalesce(enrichment_errors, '[]'::jsonb)) > 0",
            "%" + marker + "%")
        .size();
  }

  static List<String> strings(LocalPostgres postgres, String sql, Object... parameters)
      throws SQLException {
    try (Connection db = postgres.connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      return values;
    }
  }

  /**
   * The given columns (SQL expressions of the test's own, never input) of the quarantine row at a
   * DLQ record's coordinates, or null while there is none.
   */
  static String[] quarantineRow(LocalPostgres postgres, RecordMetadata at, String columns)
      throws SQLException {
    try (Connection db = postgres.connect();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT "
                    + columns
                    + " FROM payment_events_quarantine"
                    + " WHERE dlq_topic = ? AND dlq_partition = ? AND dlq_offset = ?")) {
      query.setString(1, at.topic());
      query.setInt(2, at.partition());
      query.setLong(3, at.offset());
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String[] row = new String[rs.getMetaData().getColumnCount()];
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getString(i + 1);
        }
        return row;
      }
    }
  }

  static long count(LocalPostgres postgres, String sql, Object... parameters) throws SQLException {
    return Long.parseLong(strings(postgres, sql, parameters).get(0));
  }
}
