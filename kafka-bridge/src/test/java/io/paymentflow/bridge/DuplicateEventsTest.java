package io.paymentflow.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.bridge.support.BridgeApp;
import io.paymentflow.bridge.support.BridgeInfrastructure;
import io.paymentflow.bridge.support.Events;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10,000 records, 10 % of them duplicates: some published right behind their original (often while
 * its workflow runs), some long after their workflow finished. Exactly one workflow per distinct
 * event runs, once, and every duplicate is recognized as one.
 */
class DuplicateEventsTest {

  private static final int DISTINCT = 9_000;
  private static final int EARLY_DUPLICATES = 500;
  private static final int LATE_DUPLICATES = 500;
  private static final int PARTITIONS = 4;

  @RegisterExtension static final BridgeInfrastructure infra = new BridgeInfrastructure();

  @Test
  void tenThousandEventsWithTenPercentDuplicatesRunOneWorkflowPerDistinctEvent() throws Exception {
    infra.kafka().createTopic("dup.input", PARTITIONS);
    infra.kafka().createTopic("dup.dlq", 1);
    BridgeApp.Setup setup =
        new BridgeApp.Setup(
            infra.kafka().bootstrapServers(),
            infra.temporal().target(),
            "dup.input",
            "dup.dlq",
            "dup-group");
    try (BridgeApp bridge = BridgeApp.start(setup)) {
      for (int i = 0; i < DISTINCT; i++) {
        publish(i);
        if (i % (DISTINCT / EARLY_DUPLICATES) == 0) {
          publish(i); // right behind its original, in the same partition (same key)
        }
      }
      infra.kafka().flush();
      await().atMost(Duration.ofMinutes(4)).until(() -> infra.recorder().distinct() == DISTINCT);

      for (int i = 0; i < LATE_DUPLICATES; i++) {
        publish(i * (DISTINCT / LATE_DUPLICATES) + 1); // these workflows have all completed
      }
      infra.kafka().flush();

      int records = DISTINCT + EARLY_DUPLICATES + LATE_DUPLICATES;
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(bridge.count("records.consumed")).isEqualTo(records);
                assertThat(bridge.count("workflows.duplicates"))
                    .isEqualTo(EARLY_DUPLICATES + LATE_DUPLICATES);
              });
      assertThat(bridge.count("workflows.started")).isEqualTo(DISTINCT);
      assertThat(bridge.count("records.poison")).isZero();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(infra.kafka().committed("dup-group", "dup.input"))
                      .isEqualTo(infra.kafka().endOffsets("dup.input", PARTITIONS)));
    }
    Map<String, Integer> runs = infra.recorder().runs();
    assertThat(runs).hasSize(DISTINCT);
    assertThat(runs.values()).allMatch(count -> count == 1);
    assertThat(runs).containsKeys("payment-stripe:evt_0", "payment-stripe:evt_8999");
  }

  private static void publish(int i) {
    String eventId = "stripe:evt_" + i;
    infra.kafka().send("dup.input", Events.key(eventId), Events.bytes(eventId));
  }
}
