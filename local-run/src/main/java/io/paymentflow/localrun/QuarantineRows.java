package io.paymentflow.localrun;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.WorkflowIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The quarantine rows of one run's topics that wait for an operator: each one's review must be open
 * on the Temporal server. Read with plain JDBC, as the local run counts rows.
 */
public final class QuarantineRows {

  // Every column, so that a column added to the row's identity needs only readAt() changed.
  private static final String ALL =
      "SELECT * FROM payment_events_quarantine WHERE dlq_topic = ANY (?) ORDER BY id";
  private static final String UNREVIEWED =
      "SELECT * FROM payment_events_quarantine WHERE dlq_topic = ANY (?) AND reviewed = false"
          + " ORDER BY id";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<FieldError>> ERRORS = new TypeReference<>() {};

  private final LocalPostgres postgres;
  private final List<String> topics;

  /**
   * @param topics the run's input and DLQ topics: the rows read there are this run's business;
   *     others in the same database (other runs, tests) are not
   */
  public QuarantineRows(LocalPostgres postgres, List<String> topics) {
    this.postgres = postgres;
    this.topics = List.copyOf(topics);
  }

  /**
   * Where the bridge read the row's record and what it held: the row's key, and its review's id. A
   * row from before the record hash ('') has coordinates without one, as its review had.
   */
  public static KafkaCoordinates readAt(ResultSet row) throws SQLException {
    String hash = row.getString("dlq_record_hash");
    return new KafkaCoordinates(
        row.getString("dlq_topic"),
        row.getInt("dlq_partition"),
        row.getLong("dlq_offset"),
        hash == null || hash.isEmpty() ? null : hash);
  }

  /** Each unreviewed row as the record its review persisted, oldest first. */
  public List<QuarantinedRecord> unreviewed() throws SQLException {
    return select(UNREVIEWED);
  }

  /** The review ids of the unreviewed rows: reviews that have persisted and wait for a decision. */
  Set<String> waitingReviewIds() throws SQLException {
    return reviewIds(UNREVIEWED);
  }

  /** The review ids of every row, reviewed or not: reviews whose record is kept. */
  Set<String> reviewIdsWithRow() throws SQLException {
    return reviewIds(ALL);
  }

  private Set<String> reviewIds(String sql) throws SQLException {
    Set<String> ids = new HashSet<>();
    for (QuarantinedRecord record : select(sql)) {
      ids.add(WorkflowIds.review(record.readAt()));
    }
    return ids;
  }

  private List<QuarantinedRecord> select(String sql) throws SQLException {
    try (Connection db = postgres.connect();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setArray(1, db.createArrayOf("text", topics.toArray()));
      List<QuarantinedRecord> records = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          records.add(record(row));
        }
      }
      return records;
    }
  }

  /**
   * The record as the review that wrote the row had it (activity-worker-db's {@code QuarantineRow}
   * maps it the other way). {@code rejected_event} stays null: the row exists, and the review's
   * first step inserts it only when missing.
   */
  private static QuarantinedRecord record(ResultSet row) throws SQLException {
    OffsetDateTime quarantinedAt = row.getObject("quarantined_at", OffsetDateTime.class);
    return new QuarantinedRecord(
        row.getString("event_id"),
        row.getString("provider"),
        row.getString("provider_event_id"),
        row.getString("original_payload"),
        JSON.convertValue(row.getString("payload_encoding"), PayloadEncoding.class),
        errors(row.getString("validation_errors")),
        row.getString("failure_reason"),
        row.getString("source_topic"),
        row.getObject("kafka_partition", Integer.class),
        row.getObject("kafka_offset", Long.class),
        quarantinedAt == null ? null : quarantinedAt.toString(),
        row.getObject("schema_version", Integer.class),
        readAt(row),
        null);
  }

  private static List<FieldError> errors(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, ERRORS);
    } catch (IOException e) {
      throw new UncheckedIOException("validation_errors is not a list of errors: " + json, e);
    }
  }
}
