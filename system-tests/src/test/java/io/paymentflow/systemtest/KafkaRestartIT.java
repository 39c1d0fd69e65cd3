package io.paymentflow.systemtest;

import io.paymentflow.localrun.LocalSystem;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 4: the Kafka broker restarted mid-stream (same data, same port). Producers and the
 * bridge reconnect; the bridge re-reads from its last commit and duplicates are absorbed.
 */
@Order(4)
@ExtendWith(RunningSystem.class)
class KafkaRestartIT {

  @Test
  void brokerRestartedMidStreamLosesAndDoublesNothing(LocalSystem system) throws Exception {
    Scenario scenario = new Scenario("Kafka broker restarted mid-stream", system);
    scenario.run(
        300,
        60,
        Duration.ofMinutes(5),
        s -> {
          s.hold(Duration.ofSeconds(2));
          system.kafka().stopBroker();
          s.fault("Kafka broker stopped");
          s.hold(Duration.ofSeconds(5));
          system.kafka().startBroker();
          s.fault("Kafka broker started");
        });
  }
}
