package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

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
            inference.setMode(Mode.FAIL_500);
            s.fault("inference answers 500");
            s.hold(Duration.ofSeconds(5));
            inference.setMode(Mode.TIMEOUT);
            s.fault("inference hangs (client timeouts)");
            s.hold(Duration.ofSeconds(5));
            inference.setMode(Mode.SLOW, Duration.ofSeconds(2));
            s.fault("inference answers after 2 s");
            s.hold(Duration.ofSeconds(5));
            inference.setMode(Mode.HEALTHY);
            s.fault("inference healthy");
          });
    } finally {
      inference.setMode(Mode.HEALTHY);
    }
    long scored =
        RowChecks.count(
            system.postgres(),
            "SELECT count(*) FROM payment_events WHERE event_id LIKE ? AND (fraud_score IS NOT NULL"
                + " OR enrichment_errors @> '[{\"enrichment\":\"fraud_score\"}]')",
            "%" + scenario.marker() + "%");
    System.out.println("  inference requests during the scenario: " + inference.requestCounts());
    assertThat(scored).as("events that needed a fraud score").isPositive();
    assertThat(inference.requestCount("/fraud/score"))
        .as("fraud scoring requests: failed ones were retried")
        .isGreaterThan(scored);
  }
}
