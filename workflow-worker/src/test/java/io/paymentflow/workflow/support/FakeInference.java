package io.paymentflow.workflow.support;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.inference.ChurnPrediction;
import io.paymentflow.contracts.inference.ChurnPredictionRequest;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.FraudScoreRequest;
import io.paymentflow.contracts.inference.InferenceActivities;
import io.paymentflow.contracts.inference.RetryStrategy;
import io.paymentflow.contracts.inference.RetryStrategyRequest;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the inference worker on the inference task queue: fixed answers, or failures as the
 * real worker reports them (an {@code ApplicationFailure} typed by HTTP failure class).
 */
public final class FakeInference implements InferenceActivities {

  public static final String FRAUD = "fraudScore";
  public static final String RETRY = "retryStrategy";
  public static final String CHURN = "churnPrediction";

  /** How a call answers. */
  public enum Mode {
    ANSWER,
    /** Like a 503: Temporal retries it until the attempts run out. */
    RETRYABLE_FAILURE,
    /** Like a 400: the inference worker marks it non-retryable. */
    NON_RETRYABLE_FAILURE
  }

  private final Map<String, Mode> modes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private volatile CountDownLatch gate = new CountDownLatch(0);

  /** Calls of the activity types that take the whole event (workflows from before requests). */
  private final AtomicInteger eventInputs = new AtomicInteger();

  public static FraudScore fraudFor(PaymentEvent event) {
    return fraudFor(event.eventId());
  }

  private static FraudScore fraudFor(String eventId) {
    return new FraudScore(
        eventId, new BigDecimal("0.1234"), "low", List.of("new_card"), "fraud-v1");
  }

  public static RetryStrategy retryFor(PaymentEvent event) {
    return retryFor(event.eventId());
  }

  private static RetryStrategy retryFor(String eventId) {
    return new RetryStrategy(
        eventId, "retry_delayed", 3600, 3, new BigDecimal("0.8"), "soft decline");
  }

  public static ChurnPrediction churnFor(PaymentEvent event) {
    return churnFor(event.customerId());
  }

  private static ChurnPrediction churnFor(String customerId) {
    return new ChurnPrediction(
        customerId,
        new BigDecimal("0.4200"),
        "medium",
        List.of("recent_failure"),
        List.of("send_reminder"),
        30,
        "churn-v1",
        "2026-01-15T10:00:02Z");
  }

  public void reset() {
    modes.clear();
    calls.clear();
    eventInputs.set(0);
    gate = new CountDownLatch(0);
  }

  public FakeInference mode(String call, Mode mode) {
    modes.put(call, mode);
    return this;
  }

  /** Holds every call until {@link #release()}. */
  public void hold() {
    gate = new CountDownLatch(1);
  }

  public void release() {
    gate.countDown();
  }

  /** Calls (attempts) of one method across all events. */
  public int calls(String call) {
    AtomicInteger count = calls.get(call);
    return count == null ? 0 : count.get();
  }

  /** How many calls took the whole event instead of a request body. */
  public int eventInputs() {
    return eventInputs.get();
  }

  @Override
  public FraudScore scoreFraud(FraudScoreRequest request) {
    answer(FRAUD);
    return fraudFor(request.eventId());
  }

  @Override
  public RetryStrategy recommendRetry(RetryStrategyRequest request) {
    answer(RETRY);
    return retryFor(request.eventId());
  }

  @Override
  public ChurnPrediction predictChurn(ChurnPredictionRequest request) {
    answer(CHURN);
    return churnFor(request.customerId());
  }

  @Override
  public FraudScore fraudScore(PaymentEvent event) {
    eventInputs.incrementAndGet();
    return scoreFraud(FraudScoreRequest.of(event));
  }

  @Override
  public RetryStrategy retryStrategy(PaymentEvent event) {
    eventInputs.incrementAndGet();
    return recommendRetry(RetryStrategyRequest.of(event));
  }

  @Override
  public ChurnPrediction churnPrediction(PaymentEvent event) {
    eventInputs.incrementAndGet();
    return predictChurn(ChurnPredictionRequest.of(event));
  }

  private void answer(String call) {
    calls.computeIfAbsent(call, k -> new AtomicInteger()).incrementAndGet();
    try {
      gate.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    switch (modes.getOrDefault(call, Mode.ANSWER)) {
      case RETRYABLE_FAILURE ->
          throw ApplicationFailure.newFailure("inference answered 503", "HttpServerError");
      case NON_RETRYABLE_FAILURE ->
          throw ApplicationFailure.newNonRetryableFailure(
              "inference answered 400", "HttpClientError");
      case ANSWER -> {}
    }
  }
}
