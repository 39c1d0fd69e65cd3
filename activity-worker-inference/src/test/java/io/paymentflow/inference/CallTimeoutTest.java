package io.paymentflow.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallTimeoutTest {

  @Test
  void theConfiguredTimeoutStandsWhenTheAttemptLeavesRoom() {
    assertThat(CallTimeout.of(Duration.ofSeconds(10), Duration.ofSeconds(30)))
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aShorterStartToCloseCutsTheCallLeavingTheAttemptTimeToReport() {
    assertThat(CallTimeout.of(Duration.ofSeconds(10), Duration.ofSeconds(5)))
        .isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void anAttemptWithoutStartToCloseKeepsTheConfiguredTimeout() {
    assertThat(CallTimeout.of(Duration.ofSeconds(10), Duration.ZERO))
        .isEqualTo(Duration.ofSeconds(10));
  }
}
