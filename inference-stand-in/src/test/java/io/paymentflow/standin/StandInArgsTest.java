package io.paymentflow.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StandInArgsTest {

  @Test
  void defaultsTo8002TheRealServicesIdleTimeoutAndNoLatency() {
    InferenceStandIn.Options options = StandInArgs.options(new String[0], null);

    assertThat(options.port()).isEqualTo(8002);
    assertThat(options.idleTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.latency()).isEqualTo(Latency.NONE);
  }

  @Test
  void environmentOverridesTheDefaultPortAndTheArgumentOverridesBoth() {
    assertThat(StandInArgs.options(new String[0], "9100").port()).isEqualTo(9100);
    assertThat(StandInArgs.options(new String[] {"--port=9200"}, "9100").port()).isEqualTo(9200);
  }

  @Test
  void readsTheIdleTimeoutAndALatencyRange() {
    InferenceStandIn.Options options =
        StandInArgs.options(new String[] {"--idle-timeout=1s", "--latency=10ms..100ms"}, null);

    assertThat(options.idleTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.latency())
        .isEqualTo(new Latency(Duration.ofMillis(10), Duration.ofMillis(100)));
  }

  @Test
  void rejectsNonsense() {
    for (String bad :
        new String[] {
          "--port=abc",
          "--verbose",
          "--port=70000",
          "--idle-timeout=0s",
          "--idle-timeout=soon",
          "--latency=100ms..10ms",
          "--latency=1..2..3"
        }) {
      assertThatThrownBy(() -> StandInArgs.options(new String[] {bad}, null))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
