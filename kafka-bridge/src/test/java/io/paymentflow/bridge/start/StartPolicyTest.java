package io.paymentflow.bridge.start;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowServiceException;
import org.junit.jupiter.api.Test;

/**
 * Which refusals replace a start by its review (CONTRACTS 2.1): only the Temporal server's own
 * refusals of a start's size or id, in the words of each server version, as the SDK passes them on.
 */
class StartPolicyTest {

  @Test
  void theServersSizeAndIdRefusalsAreForGoodInTheWordsOfEachVersion() {
    assertThat(StartPolicy.refusedForGood(invalid("Blob data size exceeds limit."))).isTrue();
    assertThat(StartPolicy.refusedForGood(invalid("WorkflowId length exceeds limit."))).isTrue();
    assertThat(
            StartPolicy.refusedForGood(
                invalid("WorkflowId exceeds maximum allowed length (218/200)")))
        .isTrue();
  }

  @Test
  void anyOtherInvalidArgumentMayPassAndIsRetried() {
    assertThat(StartPolicy.refusedForGood(invalid("RequestId length exceeds limit."))).isFalse();
    assertThat(StartPolicy.refusedForGood(invalid("conflict policy not supported"))).isFalse();
    assertThat(StartPolicy.refusedForGood(invalid(null))).isFalse();
  }

  @Test
  void theTextCountsOnlyWithInvalidArgument() {
    Throwable exhausted =
        sdk(
            Status.RESOURCE_EXHAUSTED
                .withDescription("Blob data size exceeds limit.")
                .asRuntimeException());
    assertThat(StartPolicy.refusedForGood(exhausted)).isFalse();
    assertThat(
            StartPolicy.refusedForGood(new IllegalStateException("Blob data size exceeds limit.")))
        .isFalse();
  }

  @Test
  void theReviewKeepsWhatTheServerSaid() {
    assertThat(StartPolicy.refusal(invalid("Blob data size exceeds limit.")))
        .isEqualTo("INVALID_ARGUMENT: Blob data size exceeds limit.");
  }

  /** An INVALID_ARGUMENT from the server, as the SDK throws it from a start. */
  private static Throwable invalid(String description) {
    return sdk(Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException());
  }

  private static Throwable sdk(Throwable cause) {
    return new WorkflowServiceException(
        WorkflowExecution.newBuilder().setWorkflowId("payment-x").build(),
        "PaymentEventWorkflow",
        cause);
  }
}
