package io.paymentflow.bridge.start;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the Temporal side (contributor {@code temporal}): the frontend answers its gRPC
 * health check within {@code health-check-timeout}, and starts are not failing right now. The
 * second half catches what a health check cannot see, e.g. a missing namespace or a denied
 * permission, which the bridge also waits out without committing.
 */
@Component
class TemporalHealthIndicator implements HealthIndicator {

  private final WorkflowServiceStubs stubs;
  private final StartFailures failures;

  TemporalHealthIndicator(WorkflowServiceStubs stubs, StartFailures failures) {
    this.stubs = stubs;
    this.failures = failures;
  }

  @Override
  public Health health() {
    try {
      ServingStatus status = stubs.healthCheck().getStatus();
      if (status != ServingStatus.SERVING) {
        return Health.down().withDetail("healthCheck", status.name()).build();
      }
    } catch (RuntimeException unreachable) {
      return Health.down().withDetail("healthCheck", unreachable.toString()).build();
    }
    StartFailures.Failing failing = failures.current();
    if (failing != null) {
      return Health.down()
          .withDetail("startsFailingSince", failing.since().toString())
          .withDetail("lastError", failing.lastError())
          .build();
    }
    return Health.up().build();
  }
}
