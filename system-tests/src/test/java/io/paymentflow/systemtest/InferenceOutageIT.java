package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.localrun.LocalSystem;
import io.paymentflow.standin.InferenceStandIn;
import io.paymentflow.standin.Mode;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 3: the inference service answers 500s, then times out, then is slow, then healthy.
 * Enrichment is retried, then degraded with its reason; nothing is stuck and nothing is lost.
 */
@Order(3)
@ExtendWith(RunningSystem.class)
class InferenceOutageIT {

  private static void awaitMoreRequests(InferenceStandIn inference, long more) {
    long before = total(inference);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> total(inference) >= before + more);
  }

  private static long total(InferenceStandIn inference) {
    return inference.requestCounts().values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void failingThenHangingThenSlowInferenceLosesNothing(LocalSystem system) throws Exception {
    InferenceStandIn inference = system.standIn();
    inference.resetStats();
    Scenario scenario =
        new Scenario("inference 500s, then timeouts, then slow, then healthy", system);
    try {
      scenario.run(
          300,
          20,
          Duration.ofMinutes(6),
          s -> {
            // Each fault is held until it has met real traffic, however fast the system is.
            inference.setMode(Mode.FAIL_500);
            s.fault("inference answers 500");
            awaitMoreRequests(inference, 20);
            inference.setMode(Mode.TIMEOUT);
            s.fault("inference hangs (client timeouts)");
            awaitMoreRequests(inference, 5);
            s.hold(Duration.ofSeconds(3));
            inference.setMode(Mode.SLOW, Duration.ofSeconds(2));
            s.fault("inference answers after 2 s");
            awaitMoreRequests(inference, 10);
            inference.setMode(Mode.HEALTHY);
            s.fault("inference healthy");
          });
    } finally {
      inference.setMode(Mode.HEALTHY);
    }
    long calls =
        RowChecks.count(
            system.postgres(),
            "SELECT count(*) FILTER (WHERE fraud_score IS NOT NULL"
                + " OR enrichment_errors @> '[{\"enrichment\":\"fraud_score\"}]')"
                + " + count(*) FILTER (WHERE retry_strategy IS NOT NULL"
                + " OR enrichment_errors @> '[{\"enrichment\":\"retry_strategy\"}]')"
                + " + count(*) FILTER (WHERE churn_score IS NOT NULL"
                + " OR enrichment_errors @> '[{\"enrichment\":\"churn_prediction\"}]')"
                + " FROM payment_events WHERE event_id LIKE ?",
            "%" + scenario.marker() + "%");
    long requests =
        inference.requestCounts().entrySet().stream()
            .filter(e -> !e.getKey().startsWith("/_admin") && !e.getKey().equals("/health"))
            .mapToLong(java.util.Map.Entry::getValue)
            .sum();
    System.out.println("  inference requests during the scenario: " + inference.requestCounts());
    assertThat(calls).as("enrichment calls the events needed").isPositive();
    assertThat(requests).as("inference requests: failed calls were retried").isGreaterThan(calls);
  }
}
