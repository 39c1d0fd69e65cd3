package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paymentflow.localrun.LocalSystem;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 24, audit N2, on the real Temporal server: an event near the size bound that selects all
 * three enrichments. Each enrichment used to carry the whole event, so the workflow task that
 * scheduled the three passed the server's 4 MiB request limit and the server terminated the run: no
 * row. Now each call carries its request body, and the event is one row.
 */
@Order(9)
@ExtendWith(RunningSystem.class)
class LargeEventIT {

  private static final String RAN =
      " AND (%s IS NOT NULL OR enrichment_errors @> '[{\"enrichment\":\"%s\"}]')";

  /** 120,000 emoji: 480 KB in the record, 1.44 MB once Temporal's converter escapes them. */
  private static final String EMOJI = "\uD83D\uDE00".repeat(120_000);

  @Test
  void anEventNearTheSizeBoundWithAllThreeEnrichmentsIsOneRow(LocalSystem system) throws Exception {
    assumeTrue(
        system.options().external().temporal() != null,
        "the suite runs on the in-JVM test server, which has no 4 MiB request limit to terminate a"
            + " run by (EveryRecordOneRowIT covers it there): build tools/temporal-server");
    String marker = UUID.randomUUID().toString();
    String inMetadata = "stripe:evt_big3_meta_" + marker;
    String inFailureMessage = "stripe:evt_big3_msg_" + marker;
    Records.publish(system, system.inputTopic(), event(inMetadata, "null", EMOJI));
    Records.publish(system, system.inputTopic(), event(inFailureMessage, json(EMOJI), ""));

    long began = System.nanoTime();
    for (String eventId : new String[] {inMetadata, inFailureMessage}) {
      await("the row of " + eventId)
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> rows(system, eventId, "") == 1);
      // Each enrichment ran: its result is in the row, or why it failed (the stand-in, like many
      // services, refuses a request body over 64 KB: a 1.4 MB failure_message degrades the retry
      // strategy, with its reason).
      assertThat(rows(system, eventId, RAN.formatted("fraud_score", "fraud_score")))
          .as("fraud score of %s", eventId)
          .isEqualTo(1);
      assertThat(rows(system, eventId, RAN.formatted("retry_strategy", "retry_strategy")))
          .as("retry strategy of %s", eventId)
          .isEqualTo(1);
      assertThat(rows(system, eventId, RAN.formatted("churn_score", "churn_prediction")))
          .as("churn prediction of %s", eventId)
          .isEqualTo(1);
    }
    System.out.printf(
        "--- report: events near the size bound, three enrichments each, on %s | 2 rows after"
            + " %.1fs%n",
        system.options().temporalAddress(), (System.nanoTime() - began) / 1e9);
  }

  private static long rows(LocalSystem system, String eventId, String condition) throws Exception {
    return RowChecks.count(
        system.postgres(),
        "SELECT count(*) FROM payment_events WHERE event_id = ?" + condition,
        eventId);
  }

  private static String json(String text) {
    return "\"" + text + "\"";
  }

  /** The review's reproduction: a successful charge of a failed subscription, with a customer. */
  private static String event(String eventId, String failureMessage, String note) {
    return """
        {"event_id":"%s","provider":"stripe","provider_event_id":"evt_big3",\
        "event_type":"subscription.charge_failed","customer_id":"cus_1","amount_cents":100,\
        "currency":"USD","status":"succeeded","failure_message":%s,\
        "provider_created_at":"2026-01-01T00:00:00Z","processed_at":"2026-01-01T00:00:00Z",\
        "metadata":{"note":"%s"}}"""
        .formatted(eventId, failureMessage, note);
  }
}
