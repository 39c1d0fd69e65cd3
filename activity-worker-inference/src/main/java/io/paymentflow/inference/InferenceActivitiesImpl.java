package io.paymentflow.inference;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.inference.ChurnPrediction;
import io.paymentflow.contracts.inference.ChurnPredictionRequest;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.FraudScoreRequest;
import io.paymentflow.contracts.inference.InferenceActivities;
import io.paymentflow.contracts.inference.RetryStrategy;
import io.paymentflow.contracts.inference.RetryStrategyRequest;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.temporal.activity.Activity;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The inference activities: each is one call to the inference service. They are idempotent, as the
 * service only reads, so Temporal may retry them freely; every failure reaches Temporal as {@link
 * HttpFailures} typed it.
 */
@Component
class InferenceActivitiesImpl implements InferenceActivities {

  private final InferenceClient client;

  InferenceActivitiesImpl(InferenceClient client) {
    this.client = client;
  }

  @Override
  public FraudScore scoreFraud(FraudScoreRequest request) {
    return withEventId(request.eventId(), () -> client.fraudScore(request, startToClose()));
  }

  @Override
  public RetryStrategy recommendRetry(RetryStrategyRequest request) {
    return withEventId(request.eventId(), () -> client.retryStrategy(request, startToClose()));
  }

  /** The service's churn request has no event id: the scheduling workflow's id has it. */
  @Override
  public ChurnPrediction predictChurn(ChurnPredictionRequest request) {
    String eventId =
        WorkflowIds.eventIdOf(Activity.getExecutionContext().getInfo().getWorkflowId());
    return withEventId(eventId, () -> client.churnPrediction(request, startToClose()));
  }

  @Override
  public FraudScore fraudScore(PaymentEvent event) {
    return scoreFraud(FraudScoreRequest.of(event));
  }

  @Override
  public RetryStrategy retryStrategy(PaymentEvent event) {
    return recommendRetry(RetryStrategyRequest.of(event));
  }

  @Override
  public ChurnPrediction churnPrediction(PaymentEvent event) {
    ChurnPredictionRequest request = ChurnPredictionRequest.of(event);
    return withEventId(event.eventId(), () -> client.churnPrediction(request, startToClose()));
  }

  /** This attempt's start-to-close, as the workflow set it (CONTRACTS 2.4). */
  private static Duration startToClose() {
    return Activity.getExecutionContext().getInfo().getStartToCloseTimeout();
  }

  /** Every log line of the call, the SDK's failure log included, carries the event id. */
  private static <T> T withEventId(String eventId, Supplier<T> call) {
    if (eventId == null) {
      return call.get();
    }
    try (MDC.MDCCloseable ignored = MDC.putCloseable("event_id", eventId)) {
      return call.get();
    }
  }
}
