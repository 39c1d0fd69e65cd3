package io.paymentflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkflowThreadsTest {

  @Test
  void autoIsVirtualFromJava24OnWhereSynchronizedNoLongerPinsTheCarrier() {
    assertThat(WorkflowThreads.AUTO.virtualOn(17)).isFalse();
    assertThat(WorkflowThreads.AUTO.virtualOn(21)).isFalse();
    assertThat(WorkflowThreads.AUTO.virtualOn(23)).isFalse();
    assertThat(WorkflowThreads.AUTO.virtualOn(24)).isTrue();
    assertThat(WorkflowThreads.AUTO.virtualOn(25)).isTrue();
  }

  @Test
  void explicitChoicesAreKeptWhereTheRuntimeAllowsThem() {
    assertThat(WorkflowThreads.PLATFORM.virtualOn(25)).isFalse();
    assertThat(WorkflowThreads.VIRTUAL.virtualOn(21)).isTrue();
  }

  @Test
  void virtualBeforeJava21FailsTheStartWithWhatToDo() {
    assertThatThrownBy(() -> WorkflowThreads.VIRTUAL.virtualOn(17))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs Java 21")
        .hasMessageContaining("this runtime is Java 17");
  }
}
