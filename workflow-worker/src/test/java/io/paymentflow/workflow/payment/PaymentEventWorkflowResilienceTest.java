package io.paymentflow.workflow.payment;

import static io.paymentflow.workflow.support.FakeInference.CHURN;
import static io.paymentflow.workflow.support.FakeInference.FRAUD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.payment.EnrichmentError;
import io.paymentflow.contracts.payment.PaymentEventResult;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.ValidationResult;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.paymentflow.workflow.support.Events;
import io.paymentflow.workflow.support.FakeInference;
import io.paymentflow.workflow.support.FakeInference.Mode;
import io.paymentflow.workflow.support.TemporalFixture;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowStub;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Failures, retries, duplicates and queries of PaymentEventWorkflow on a real test server. */
class PaymentEventWorkflowResilienceTest {

  @RegisterExtension static final TemporalFixture temporal = new TemporalFixture();

  private static int sequence;

  private static PaymentEvent event() {
    return Events.payment("stripe:evt_resilience_" + ++sequence).build();
  }

  @Test
  void enrichmentThatFailsOnEveryAttemptIsNotedAndTheEventStillPersisted() {
    temporal.inference.mode(FRAUD, Mode.RETRYABLE_FAILURE);
    PaymentEvent event = event();

    PaymentEventResult result = temporal.newPayment(event.eventId()).process(event, Events.SOURCE);

    EnrichmentError expected =
        new EnrichmentError("fraud_score", "HttpServerError", "inference answered 503");
    assertThat(temporal.inference.calls(FRAUD)).isEqualTo(3);
    assertThat(result.fraudScore()).isNull();
    assertThat(result.riskLevel()).isNull();
    assertThat(result.churnScore()).isNotNull();
    assertThat(result.enrichmentErrors()).containsExactly(expected);
    EnrichedPaymentEvent row = temporal.persistence.event(event.eventId()).orElseThrow();
    assertThat(row.fraudScore()).isNull();
    assertThat(row.churnPrediction()).isNotNull();
    assertThat(row.enrichmentErrors()).containsExactly(expected);
  }

  @Test
  void nonRetryableEnrichmentFailureIsNotRetried() {
    temporal.inference.mode(CHURN, Mode.NON_RETRYABLE_FAILURE);
    PaymentEvent event = event();

    PaymentEventResult result = temporal.newPayment(event.eventId()).process(event, Events.SOURCE);

    assertThat(temporal.inference.calls(CHURN)).isEqualTo(1);
    assertThat(result.churnScore()).isNull();
    assertThat(result.fraudScore()).isNotNull();
    assertThat(result.enrichmentErrors())
        .containsExactly(
            new EnrichmentError("churn_prediction", "HttpClientError", "inference answered 400"));
    assertThat(result.persisted()).isTrue();
  }

  @Test
  void persistenceIsRetriedUntilItSucceeds() {
    temporal.persistence.failPersist(4);
    PaymentEvent event = event();

    PaymentEventResult result = temporal.newPayment(event.eventId()).process(event, Events.SOURCE);

    assertThat(temporal.persistence.persistAttempts()).isEqualTo(5);
    assertThat(result.persisted()).isTrue();
    assertThat(temporal.persistence.events())
        .containsExactly(
            new EnrichedPaymentEvent(
                event,
                new ValidationResult(List.of(), List.of()),
                FakeInference.fraudFor(event),
                null,
                FakeInference.churnFor(event),
                List.of()));
  }

  @Test
  void duplicateStartAttachesWhileRunningAndIsRejectedAfterCompletion() {
    temporal.persistence.hold();
    PaymentEvent event = event();

    WorkflowExecution first =
        WorkflowClient.start(temporal.newPayment(event.eventId())::process, event, Events.SOURCE);
    WorkflowExecution second =
        WorkflowClient.start(temporal.newPayment(event.eventId())::process, event, Events.SOURCE);
    temporal.persistence.release();
    temporal
        .client
        .newUntypedWorkflowStub(WorkflowIds.payment(event.eventId()))
        .getResult(PaymentEventResult.class);

    assertThat(second.getRunId()).isEqualTo(first.getRunId());
    assertThatThrownBy(
            () ->
                WorkflowClient.start(
                    temporal.newPayment(event.eventId())::process, event, Events.SOURCE))
        .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
    assertThat(temporal.persistence.events()).hasSize(1);
  }

  @Test
  void queriesReportProgressAndEnrichment() {
    temporal.inference.hold();
    temporal.persistence.hold();
    PaymentEvent event = Events.payment("stripe:evt_queries").failed().build();
    WorkflowClient.start(temporal.newPayment(event.eventId())::process, event, Events.SOURCE);
    PaymentEventWorkflow running =
        temporal.client.newWorkflowStub(
            PaymentEventWorkflow.class, WorkflowIds.payment(event.eventId()));

    await().until(running::status, "enriching"::equals);
    assertThat(running.retryStrategy()).isNull();
    temporal.inference.release();
    await().until(running::status, "persisting"::equals);
    assertThat(running.retryStrategy()).isEqualTo("retry_delayed");
    assertThat(running.churnScore()).isEqualByComparingTo("0.42");
    assertThat(running.fraudScore()).isNull();
    temporal.persistence.release();
    WorkflowStub.fromTyped(running).getResult(PaymentEventResult.class);

    assertThat(running.status()).isEqualTo("completed");
  }
}
