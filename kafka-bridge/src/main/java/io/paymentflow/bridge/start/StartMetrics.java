package io.paymentflow.bridge.start;

import io.paymentflow.bridge.BridgeMetrics;
import org.springframework.stereotype.Component;

/**
 * What each start attempt tells the operator: the bridge's start meters, and {@link StartFailures},
 * which readiness reports.
 */
@Component
public class StartMetrics {

  private static final String UNAVAILABLE = "UNAVAILABLE";

  private final BridgeMetrics metrics;
  private final StartFailures failures;

  public StartMetrics(BridgeMetrics metrics, StartFailures failures) {
    this.metrics = metrics;
    this.failures = failures;
    // What an outage of Temporal reports, for both workflow types, from the start.
    for (String type : new String[] {WorkflowStart.PAYMENT_TYPE, WorkflowStart.REVIEW_TYPE}) {
      metrics.expectStartFailures(type, UNAVAILABLE);
    }
  }

  void succeeded(WorkflowStart start, StartOutcome outcome, long nanos) {
    String type = start.workflowType();
    metrics.startLatency(type, outcome.tag(), nanos);
    if (outcome == StartOutcome.STARTED) {
      metrics.started(type);
    } else {
      metrics.duplicate(type);
    }
    failures.succeeded();
  }

  void failed(WorkflowStart start, Throwable error, long nanos) {
    String type = start.workflowType();
    metrics.startLatency(type, "failed", nanos);
    metrics.startFailed(type, StartPolicy.code(error));
    failures.failed(error);
  }

  void rejected(WorkflowStart start) {
    metrics.startRejected(start.workflowType());
  }
}
