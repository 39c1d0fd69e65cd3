package io.paymentflow.workflow;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Temporal connectivity, part of the readiness group ({@code temporal}). One cheap call with a
 * short deadline: the frontend answering proves the worker can poll.
 */
@Component("temporal")
class TemporalHealthIndicator extends AbstractHealthIndicator {

  private final WorkflowServiceStubs serviceStubs;
  private final RuntimeProperties runtime;

  TemporalHealthIndicator(WorkflowServiceStubs serviceStubs, RuntimeProperties runtime) {
    super("Temporal is not reachable");
    this.serviceStubs = serviceStubs;
    this.runtime = runtime;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    serviceStubs
        .blockingStub()
        .withDeadlineAfter(runtime.healthCheckTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    builder.up();
  }
}
