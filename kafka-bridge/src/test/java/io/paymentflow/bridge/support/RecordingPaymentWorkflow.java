package io.paymentflow.bridge.support;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.PaymentSource;
import io.paymentflow.contracts.payment.PaymentEventResult;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.WorkflowStatus;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.unsafe.WorkflowUnsafe;
import java.math.BigDecimal;
import java.util.List;

/** Completes at once and records that it ran; a replay does not count as a run. */
public class RecordingPaymentWorkflow implements PaymentEventWorkflow {

  private final ExecutionRecorder recorder;

  public RecordingPaymentWorkflow(ExecutionRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public PaymentEventResult process(PaymentEvent event, PaymentSource source) {
    if (!WorkflowUnsafe.isReplaying()) {
      recorder.ran(Workflow.getInfo().getWorkflowId(), Workflow.getInfo().getRunId());
    }
    return new PaymentEventResult(
        event.eventId(), "passed", List.of(), null, null, null, null, null, List.of(), true, false);
  }

  @Override
  public String status() {
    return WorkflowStatus.COMPLETED;
  }

  @Override
  public BigDecimal fraudScore() {
    return null;
  }

  @Override
  public String retryStrategy() {
    return null;
  }

  @Override
  public BigDecimal churnScore() {
    return null;
  }
}
