package io.paymentflow.systemtest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paymentflow.localrun.LocalSystem;
import io.paymentflow.systemtest.RunningSystem.SuiteTemporal;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 5: the real Temporal server killed mid-stream and started again on its data. Running
 * workflows resume; the bridge holds its offsets until starts are acknowledged again.
 */
@Order(5)
@ExtendWith(RunningSystem.class)
class TemporalRestartIT {

  @Test
  void temporalServerRestartedMidStreamLosesAndDoublesNothing(
      LocalSystem system, SuiteTemporal temporal) throws Exception {
    assumeTrue(
        temporal.isReal(),
        "the real Temporal server is not built here (run tools/temporal-server/build.sh; it needs"
            + " Go and the Go module proxy): the in-JVM test server keeps no state across a"
            + " restart, so this scenario would prove nothing; skipping");
    Scenario scenario =
        new Scenario("Temporal server killed (-9) mid-stream, then restarted", system);
    scenario.run(
        300,
        50,
        Duration.ofMinutes(6),
        s -> {
          s.hold(Duration.ofSeconds(2));
          temporal.server().kill();
          s.fault("kill -9 Temporal server");
          s.hold(Duration.ofSeconds(5));
          temporal.server().restart();
          s.fault("Temporal server restarted and serving");
        });
  }
}
