package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.MeterRegistry;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pending-review gauges against the real table, as a decision takes a row out of them. */
@DbWorkerTest
class ReviewBacklogIT {

  @Autowired ReviewBacklog backlog;
  @Autowired MeterRegistry registry;
  @Autowired JdbcClient jdbc;
  @Autowired PersistenceActivities activities;

  @Test
  void aRowWaitingForADecisionCountsUntilItIsReviewed() {
    // Other tests share the table: compare with the count before, and make this row the oldest.
    jdbc.sql("UPDATE payment_events_quarantine SET reviewed = true WHERE reviewed = false")
        .update();
    backlog.refresh();
    assertThat(pending()).isZero();
    assertThat(oldestAgeSeconds()).as("nothing waits").isZero();

    KafkaCoordinates readAt = TestEvents.uniqueDlqCoordinates();
    jdbc.sql(
            """
            INSERT INTO payment_events_quarantine (failure_reason, dlq_topic, dlq_partition,
                dlq_offset, quarantined_at)
            VALUES ('INVALID_JSON', :topic, :partition, :offset, now() - interval '2 days')
            """)
        .param("topic", readAt.topic())
        .param("partition", readAt.partition())
        .param("offset", readAt.offset())
        .update();
    backlog.refresh();

    assertThat(pending()).isEqualTo(1);
    assertThat(oldestAgeSeconds()).isCloseTo(Duration.ofDays(2).toSeconds(), within(120.0));

    activities.recordReview(readAt, new ReviewDecision(Resolution.DISCARD, "alice", null));
    backlog.refresh();
    assertThat(pending()).isZero();
  }

  private double pending() {
    return registry.get("paymentflow.reviews.pending").gauge().value();
  }

  private double oldestAgeSeconds() {
    return registry
        .get("paymentflow.reviews.oldest.pending.age")
        .timeGauge()
        .value(TimeUnit.SECONDS);
  }
}
