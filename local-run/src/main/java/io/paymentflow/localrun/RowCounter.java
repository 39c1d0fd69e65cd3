package io.paymentflow.localrun;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Counts the rows that one stream's records became. A connection per count: the counter must keep
 * working across a PostgreSQL restart (the reliability suite stops the database on purpose).
 */
public final class RowCounter {

  private final LocalPostgres postgres;

  public RowCounter(LocalPostgres postgres) {
    this.postgres = postgres;
  }

  /** Rows in {@code payment_events} whose event id contains {@code marker}. */
  public long paymentRows(String marker) throws SQLException {
    return count(
        "SELECT count(*) FROM payment_events WHERE event_id LIKE ?", "%" + like(marker) + "%");
  }

  /** Whether {@code payment_events} has the row of this event. */
  public boolean paymentRow(String eventId) throws SQLException {
    return count("SELECT count(*) FROM payment_events WHERE event_id = ?", eventId) > 0;
  }

  /** More rows than distinct event ids: must always be zero. */
  public long duplicateRows(String marker) throws SQLException {
    return count(
        "SELECT count(*) - count(DISTINCT event_id) FROM payment_events WHERE event_id LIKE ?",
        "%" + like(marker) + "%");
  }

  /**
   * Quarantine rows of exactly these records: read by the bridge at their coordinates, holding
   * their value (its hash; a row from before the hash stands for whatever was read there). A row
   * another broker's record left at the same coordinates is not this record's.
   */
  public long quarantineRows(List<Coordinates> readAt) throws SQLException {
    if (readAt.isEmpty()) {
      return 0;
    }
    String sql =
        "SELECT count(*) FROM payment_events_quarantine q JOIN unnest(?::text[], ?::int[],"
            + " ?::bigint[], ?::text[]) AS s(t, p, o, h) ON q.dlq_topic = s.t AND q.dlq_partition"
            + " = s.p AND q.dlq_offset = s.o AND q.dlq_record_hash IN (s.h, '')";
    try (Connection db = postgres.connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      Array topics = db.createArrayOf("text", readAt.stream().map(Coordinates::topic).toArray());
      Array partitions =
          db.createArrayOf("int4", readAt.stream().map(Coordinates::partition).toArray());
      Array offsets = db.createArrayOf("int8", readAt.stream().map(Coordinates::offset).toArray());
      Array hashes = db.createArrayOf("text", readAt.stream().map(Coordinates::hash).toArray());
      statement.setArray(1, topics);
      statement.setArray(2, partitions);
      statement.setArray(3, offsets);
      statement.setArray(4, hashes);
      return result(statement);
    }
  }

  private long count(String sql, String parameter) throws SQLException {
    try (Connection db = postgres.connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, parameter);
      return result(statement);
    }
  }

  private static long result(PreparedStatement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String like(String literal) {
    return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** Where a record was published, and the hash of its value (the record's identity). */
  public record Coordinates(String topic, int partition, long offset, String hash) {}
}
