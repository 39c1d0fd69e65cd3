package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paymentflow.localrun.LocalSystem;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 9: a start the real Temporal server refuses for good. Its id limit is shorter than the
 * bridge allows (RealTemporalServer.MAX_ID_LENGTH), so an event whose id is valid for the bridge
 * gets INVALID_ARGUMENT on every attempt. The record must become a START_REJECTED quarantine row,
 * its offset committed, and the records behind it must flow.
 */
@Order(9)
@ExtendWith(RunningSystem.class)
class StartRejectedIT {

  @Test
  void aStartTheServerRefusesForGoodBecomesAQuarantineRowAndTheStreamFlows(LocalSystem system)
      throws Exception {
    assumeTrue(
        system.options().external().temporal() != null,
        "the suite runs on the in-JVM test server, which has no id limit to refuse a start by:"
            + " build tools/temporal-server to run this scenario");
    System.out.println("\n=== scenario: a start the server refuses for good");
    String eventId = "stripe:" + UUID.randomUUID() + "x".repeat(RealTemporalServer.MAX_ID_LENGTH);
    String event =
        """
        {"event_id":"%s","provider":"stripe","provider_event_id":"p","event_type":"payment.succeeded",\
        "amount_cents":100,"currency":"USD","status":"succeeded",\
        "provider_created_at":"2026-01-01T00:00:00Z","processed_at":"2026-01-01T00:00:01Z"}"""
            .formatted(eventId.substring(0, 240));
    RecordMetadata at = Records.publish(system, system.inputTopic(), event);

    String[] row =
        await("the refused record's quarantine row")
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> quarantineRow(system, at), r -> r != null);

    assertThat(row[0]).isEqualTo("START_REJECTED");
    assertThat(row[1]).contains(eventId.substring(0, 240));
    assertThat(row[2]).contains("Temporal refused the start of payment-");
    new Scenario("a normal stream behind the refused start", system)
        .run(50, 25, Duration.ofMinutes(2), s -> {});
  }

  /** failure_reason, original_payload and the first error's message, or null while absent. */
  private static String[] quarantineRow(LocalSystem system, RecordMetadata at) throws Exception {
    return RowChecks.quarantineRow(
        system.postgres(),
        at,
        "failure_reason, original_payload, validation_errors->0->>'message'");
  }
}
