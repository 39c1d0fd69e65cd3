package io.paymentflow.workflow.payment;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.PaymentSource;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.inference.ChurnPrediction;
import io.paymentflow.contracts.inference.ChurnPredictionRequest;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.FraudScoreRequest;
import io.paymentflow.contracts.inference.InferenceActivities;
import io.paymentflow.contracts.inference.RetryStrategy;
import io.paymentflow.contracts.inference.RetryStrategyRequest;
import io.paymentflow.contracts.payment.EnrichmentError;
import io.paymentflow.contracts.payment.PaymentEventResult;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.ValidationResult;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.payment.WorkflowStatus;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.paymentflow.contracts.review.ReprocessOutcome;
import io.paymentflow.workflow.DetachedChild;
import io.paymentflow.workflow.validation.ValidationActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * CONTRACTS section 2.2: validate, enrich concurrently, persist. Timeouts, retries and task queues
 * of every call come from the {@code WorkflowImplementationOptions} it is registered with, so this
 * class holds no configuration and stays deterministic. Every change of the command sequence goes
 * behind {@code Workflow.getVersion} and gets a recorded history in the replay test.
 */
public class PaymentEventWorkflowImpl implements PaymentEventWorkflow {

  /**
   * Version 1: a row PostgreSQL refuses for good is kept for review instead of failing the
   * workflow. Histories before it have no marker, and fail as they did.
   */
  static final String PERSIST_BACKSTOP = "persist-backstop";

  /**
   * Version 1: each enrichment call gets only its request body, not the event. Three copies of a
   * large event in one workflow task's commands could pass Temporal's 4 MiB request limit, and the
   * server terminates a run whose task it cannot take. Histories before it schedule the activity
   * types that take the event, and replay as they ran.
   */
  static final String ENRICHMENT_REQUESTS = "enrichment-requests";

  private static final Logger log = Workflow.getLogger(PaymentEventWorkflowImpl.class);

  private final ValidationActivities validation =
      Workflow.newLocalActivityStub(ValidationActivities.class);
  private final InferenceActivities inference = Workflow.newActivityStub(InferenceActivities.class);
  private final PersistenceActivities persistence =
      Workflow.newActivityStub(PersistenceActivities.class);

  private String status = WorkflowStatus.INITIALIZED;
  private FraudScore fraudScore;
  private RetryStrategy retryStrategy;
  private ChurnPrediction churnPrediction;

  @Override
  public PaymentEventResult process(PaymentEvent event, PaymentSource source) {
    if (event == null) {
      // Fail the workflow rather than its task: retrying a task cannot conjure the input.
      throw ApplicationFailure.newNonRetryableFailure("no payment event", "MissingInput");
    }
    status = WorkflowStatus.VALIDATING;
    // A failed validation is recorded with the event, not a reason to stop (the loader expects it).
    ValidationResult validationResult = validation.validateBusinessRules(event);

    status = WorkflowStatus.ENRICHING;
    List<EnrichmentError> enrichmentErrors = new ArrayList<>();
    enrich(event, enrichmentErrors);

    status = WorkflowStatus.PERSISTING;
    boolean persisted =
        persist(
            event,
            source,
            new EnrichedPaymentEvent(
                event,
                validationResult,
                fraudScore,
                retryStrategy,
                churnPrediction,
                enrichmentErrors));

    status = WorkflowStatus.COMPLETED;
    return new PaymentEventResult(
        event.eventId(),
        validationResult.status(),
        validationResult.errors(),
        fraudScore(),
        fraudScore == null ? null : fraudScore.riskLevel(),
        retryStrategy(),
        churnScore(),
        churnPrediction == null ? null : churnPrediction.riskLevel(),
        enrichmentErrors,
        persisted,
        !persisted);
  }

  /**
   * Writes the row; true when it was written, false when PostgreSQL refused it for good. Such an
   * event is still kept: for an event the bridge read, as a quarantine row with its own review (a
   * {@code DLQReviewWorkflow} at the Kafka coordinates), for an operator's reprocess, as the
   * outcome on the reviewed row. Every other failure propagates: Temporal retries the write until
   * it lands or its schedule-to-close runs out.
   */
  private boolean persist(PaymentEvent event, PaymentSource source, EnrichedPaymentEvent row) {
    try {
      persistence.persistPaymentEvent(row);
      return true;
    } catch (ActivityFailure failure) {
      if (!(failure.getCause() instanceof ApplicationFailure refused && refused.isNonRetryable())
          || source == null
          || Workflow.getVersion(PERSIST_BACKSTOP, Workflow.DEFAULT_VERSION, 1)
              == Workflow.DEFAULT_VERSION) {
        throw failure;
      }
      log.warn("The row was refused for good; keeping the event for review: {}", refused.getType());
      String reason = refused.getOriginalMessage();
      if (source.reprocess()) {
        persistence.recordReprocessOutcome(
            source.readAt(), new ReprocessOutcome(ReprocessOutcome.PERSIST_REJECTED, reason));
      } else {
        startReview(
            QuarantinedRecord.persistRejected(
                event,
                source.readAt(),
                reason,
                Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString()));
      }
      return false;
    }
  }

  /**
   * Starts the record's review, as the bridge would have, and waits until it has started; it
   * outlives this workflow. A review of those coordinates that exists already (this event's
   * workflow failed once after starting it) is the same review.
   */
  private static void startReview(QuarantinedRecord record) {
    DLQReviewWorkflow review =
        Workflow.newChildWorkflowStub(
            DLQReviewWorkflow.class,
            DetachedChild.options(WorkflowIds.review(record.readAt()), WorkflowIds.REUSE_POLICY));
    DetachedChild.start(review, () -> Async.function(review::review, record));
  }

  /**
   * Starts every applicable call before waiting for any, so they run concurrently. Whatever the
   * size of the event, the commands of this workflow task carry at most the three request bodies.
   */
  private void enrich(PaymentEvent event, List<EnrichmentError> errors) {
    boolean fraudApplies = PaymentClassification.needsFraudScore(event);
    boolean retryApplies = PaymentClassification.needsRetryStrategy(event);
    boolean churnApplies = PaymentClassification.needsChurnPrediction(event);
    Promise<FraudScore> fraud;
    Promise<RetryStrategy> retry;
    Promise<ChurnPrediction> churn;
    if (!(fraudApplies || retryApplies || churnApplies)) {
      // No call, no version marker: an event that needs none runs as it always did.
      fraud = Workflow.newPromise(null);
      retry = Workflow.newPromise(null);
      churn = Workflow.newPromise(null);
    } else if (Workflow.getVersion(ENRICHMENT_REQUESTS, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      fraud = start(fraudApplies, inference::fraudScore, event);
      retry = start(retryApplies, inference::retryStrategy, event);
      churn = start(churnApplies, inference::churnPrediction, event);
    } else {
      fraud = start(fraudApplies, inference::scoreFraud, FraudScoreRequest.of(event));
      retry = start(retryApplies, inference::recommendRetry, RetryStrategyRequest.of(event));
      churn = start(churnApplies, inference::predictChurn, ChurnPredictionRequest.of(event));
    }
    fraudScore = outcome(fraud, EnrichmentError.FRAUD_SCORE, errors);
    retryStrategy = outcome(retry, EnrichmentError.RETRY_STRATEGY, errors);
    churnPrediction = outcome(churn, EnrichmentError.CHURN_PREDICTION, errors);
  }

  private static <A, R> Promise<R> start(boolean applies, Functions.Func1<A, R> call, A argument) {
    return applies ? Async.function(call, argument) : Workflow.newPromise(null);
  }

  /** An enrichment that failed after all its retries degrades the event instead of failing it. */
  private static <R> R outcome(Promise<R> call, String enrichment, List<EnrichmentError> errors) {
    try {
      return call.get();
    } catch (ActivityFailure failure) {
      EnrichmentError error = EnrichmentFailures.describe(enrichment, failure);
      log.warn("Enrichment {} failed after retries: {}", enrichment, error);
      errors.add(error);
      return null;
    }
  }

  @Override
  public String status() {
    return status;
  }

  @Override
  public BigDecimal fraudScore() {
    return fraudScore == null ? null : fraudScore.fraudScore();
  }

  @Override
  public String retryStrategy() {
    return retryStrategy == null ? null : retryStrategy.action();
  }

  @Override
  public BigDecimal churnScore() {
    return churnPrediction == null ? null : churnPrediction.churnProbability();
  }
}
