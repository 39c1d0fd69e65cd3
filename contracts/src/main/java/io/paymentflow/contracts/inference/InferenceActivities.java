package io.paymentflow.contracts.inference;

import io.paymentflow.contracts.event.PaymentEvent;
import io.temporal.activity.ActivityInterface;

/**
 * Calls to the inference service (CONTRACTS section 6), run by the inference worker on the
 * inference task queue.
 *
 * <p>Activity types {@code ScoreFraud}, {@code RecommendRetry} and {@code PredictChurn} take the
 * call's request body. {@code FraudScore}, {@code RetryStrategy} and {@code ChurnPrediction} take
 * the whole event: payment workflows that scheduled them before the requests existed still retry
 * them for a few minutes after the deploy that brought the requests, and replay needs them.
 */
@ActivityInterface
public interface InferenceActivities {

  FraudScore scoreFraud(FraudScoreRequest request);

  RetryStrategy recommendRetry(RetryStrategyRequest request);

  ChurnPrediction predictChurn(ChurnPredictionRequest request);

  /** Superseded by {@link #scoreFraud}: scheduled only by workflows started before it. */
  FraudScore fraudScore(PaymentEvent event);

  /** Superseded by {@link #recommendRetry}: scheduled only by workflows started before it. */
  RetryStrategy retryStrategy(PaymentEvent event);

  /** Superseded by {@link #predictChurn}: scheduled only by workflows started before it. */
  ChurnPrediction churnPrediction(PaymentEvent event);
}
