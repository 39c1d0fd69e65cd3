package io.paymentflow.inference;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.inference.ChurnPrediction;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.InferenceActivities;
import io.paymentflow.contracts.inference.RetryStrategy;
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
  public FraudScore fraudScore(PaymentEvent event) {
    return withEventId(event, () -> client.fraudScore(event, startToClose()));
  }

  @Override
  public RetryStrategy retryStrategy(PaymentEvent event) {
    return withEventId(event, () -> client.retryStrategy(event, startToClose()));
  }

  @Override
  public ChurnPrediction churnPrediction(PaymentEvent event) {
    return withEventId(event, () -> client.churnPrediction(event, startToClose()));
  }

  /** This attempt's start-to-close, as the workflow set it (CONTRACTS 2.4). */
  private static Duration startToClose() {
    return Activity.getExecutionContext().getInfo().getStartToCloseTimeout();
  }

  /** Every log line of the call, the SDK's failure log included, carries the event id. */
  private static <T> T withEventId(PaymentEvent event, Supplier<T> call) {
    try (MDC.MDCCloseable ignored = MDC.putCloseable("event_id", event.eventId())) {
      return call.get();
    }
  }
}
