package io.paymentflow.persistence;

import static io.paymentflow.persistence.TestEvents.fullyEnriched;
import static io.paymentflow.persistence.TestEvents.quarantined;
import static io.paymentflow.persistence.TestEvents.uniqueDlqCoordinates;
import static io.paymentflow.persistence.TestEvents.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A primary-key sequence behind its table (a restore, a logical-replication cut-over, rows inserted
 * with explicit ids) makes every insert collide on the key. That is the database's state, not the
 * row's fault: the write is retried, and lands once the sequence has moved past the rows, instead
 * of sending a valid event to quarantine or failing the last-resort quarantine write for good.
 */
@DbWorkerTest
class KeySequenceIT {

  @Autowired PersistenceActivities activities;
  @Autowired JdbcClient jdbc;

  private final List<String> placeholders = new ArrayList<>();

  @Test
  void aPaymentRowCollidingOnItsKeyIsRetriedAndThenWritten() {
    String id = uniqueEventId();
    takeTheNextKey("payment_events", "INSERT INTO payment_events (id, event_id) VALUES (?, ?)");

    ApplicationFailure collided =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.persistPaymentEvent(fullyEnriched(id)));
    activities.persistPaymentEvent(fullyEnriched(id));

    assertRetryable(collided, "payment_events");
    assertThat(
            jdbc.sql("SELECT count(*) FROM payment_events WHERE event_id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aQuarantineRowCollidingOnItsKeyIsRetriedAndThenWritten() {
    KafkaCoordinates readAt = uniqueDlqCoordinates();
    takeTheNextKey(
        "payment_events_quarantine",
        "INSERT INTO payment_events_quarantine (id, failure_reason, dlq_topic, dlq_partition,"
            + " dlq_offset) VALUES (?, 'TEST', ?, 0, 0)");

    ApplicationFailure collided =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                activities.persistQuarantine(
                    quarantined(null, "{}", PayloadEncoding.UTF8, readAt)));
    activities.persistQuarantine(quarantined(null, "{}", PayloadEncoding.UTF8, readAt));

    assertRetryable(collided, "payment_events_quarantine");
    assertThat(
            jdbc.sql("SELECT count(*) FROM payment_events_quarantine WHERE dlq_topic = ?")
                .param(readAt.topic())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  /** A row with the id the sequence hands out next: the sequence is now behind the table. */
  private void takeTheNextKey(String table, String insertWithId) {
    long next =
        jdbc.sql(
                "SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM "
                    + table
                    + "_id_seq")
            .query(Long.class)
            .single();
    jdbc.sql(insertWithId).params(next, "test:key_" + next).update();
    placeholders.add(table + ":" + next);
  }

  /** The rows that took the keys go again, so no other test counts them. */
  @AfterEach
  void removePlaceholders() {
    for (String placeholder : placeholders) {
      String[] tableAndId = placeholder.split(":");
      jdbc.sql("DELETE FROM " + tableAndId[0] + " WHERE id = ?")
          .param(Long.parseLong(tableAndId[1]))
          .update();
    }
    placeholders.clear();
  }

  private static void assertRetryable(ApplicationFailure failure, String table) {
    assertThat(failure).as("the first insert collides").isNotNull();
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(PersistenceFailures.KEY_SEQUENCE_BEHIND);
    assertThat(failure.getOriginalMessage()).contains(table).contains("setval");
  }
}
