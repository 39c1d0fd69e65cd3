package io.paymentflow.contracts.inference;

import io.paymentflow.contracts.event.PaymentEvent;
import io.temporal.activity.ActivityInterface;

/**
 * Calls to the inference service (CONTRACTS section 6), run by the inference worker on the
 * inference task queue. Activity types are {@code FraudScore}, {@code RetryStrategy} and {@code
 * ChurnPrediction}: the keys of their per-type options.
 */
@ActivityInterface
public interface InferenceActivities {

  FraudScore fraudScore(PaymentEvent event);

  RetryStrategy retryStrategy(PaymentEvent event);

  ChurnPrediction churnPrediction(PaymentEvent event);
}
