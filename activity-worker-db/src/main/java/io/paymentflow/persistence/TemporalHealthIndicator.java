package io.paymentflow.persistence;

import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the Temporal frontend: the gRPC health check of its workflow service, under a short
 * deadline so a probe never hangs on an unreachable server. Its name, {@code temporal}, is what the
 * readiness group includes.
 */
@Component("temporal")
class TemporalHealthIndicator implements HealthIndicator {

  private final WorkflowServiceStubs stubs;
  private final Duration timeout;

  TemporalHealthIndicator(WorkflowServiceStubs stubs, PersistenceProperties properties) {
    this.stubs = stubs;
    this.timeout = properties.temporalHealthTimeout();
  }

  @Override
  public Health health() {
    try {
      ServingStatus status =
          HealthGrpc.newBlockingStub(stubs.getRawChannel())
              .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .check(
                  HealthCheckRequest.newBuilder()
                      .setService(WorkflowServiceStubs.HEALTH_CHECK_SERVICE_NAME)
                      .build())
              .getStatus();
      return status == ServingStatus.SERVING
          ? Health.up().build()
          : Health.down().withDetail("status", status.name()).build();
    } catch (StatusRuntimeException e) {
      return Health.down().withDetail("grpcStatus", e.getStatus().getCode().name()).build();
    }
  }
}
