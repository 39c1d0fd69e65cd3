package io.paymentflow.support;

import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness contributor {@code temporal}, in every app: the frontend's gRPC health check of its
 * workflow service, under {@code health-check-timeout}, so a probe never waits out the SDK's own
 * RPC timeout on an unreachable server. Serving means the app can start workflows or poll.
 */
public class TemporalHealthIndicator implements HealthIndicator {

  private final WorkflowServiceStubs stubs;
  private final Duration timeout;

  public TemporalHealthIndicator(WorkflowServiceStubs stubs, Duration timeout) {
    this.stubs = stubs;
    this.timeout = timeout;
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
      return (status == ServingStatus.SERVING ? Health.up() : Health.down())
          .withDetail("servingStatus", status.name())
          .build();
    } catch (StatusRuntimeException e) {
      return Health.down().withDetail("grpcStatus", e.getStatus().getCode().name()).build();
    }
  }
}
