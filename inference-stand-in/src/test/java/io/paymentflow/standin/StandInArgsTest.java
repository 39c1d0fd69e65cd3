package io.paymentflow.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StandInArgsTest {

  @Test
  void defaultsTo8002() {
    assertThat(StandInArgs.port(new String[0], null)).isEqualTo(8002);
  }

  @Test
  void environmentOverridesTheDefaultAndTheArgumentOverridesBoth() {
    assertThat(StandInArgs.port(new String[0], "9100")).isEqualTo(9100);
    assertThat(StandInArgs.port(new String[] {"--port=9200"}, "9100")).isEqualTo(9200);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> StandInArgs.port(new String[] {"--port=abc"}, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StandInArgs.port(new String[] {"--verbose"}, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StandInArgs.port(new String[] {"--port=70000"}, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
