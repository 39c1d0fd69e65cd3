package io.paymentflow.inference;

import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code temporal}, in the readiness group: can this worker reach the Temporal
 * frontend? The gRPC health check gets its own short deadline, so a probe never waits out the SDK's
 * default RPC timeout.
 */
@Component
class TemporalHealthIndicator implements HealthIndicator {

  private final WorkflowServiceStubs stubs;
  private final InferenceProperties properties;

  TemporalHealthIndicator(WorkflowServiceStubs stubs, InferenceProperties properties) {
    this.stubs = stubs;
    this.properties = properties;
  }

  @Override
  public Health health() {
    try {
      HealthCheckResponse response =
          HealthGrpc.newBlockingStub(stubs.getRawChannel())
              .withDeadlineAfter(properties.healthTimeout().toMillis(), TimeUnit.MILLISECONDS)
              .check(
                  HealthCheckRequest.newBuilder()
                      .setService(WorkflowServiceStubs.HEALTH_CHECK_SERVICE_NAME)
                      .build());
      Health.Builder health =
          response.getStatus() == HealthCheckResponse.ServingStatus.SERVING
              ? Health.up()
              : Health.down();
      return health.withDetail("serving_status", response.getStatus().name()).build();
    } catch (StatusRuntimeException e) {
      return Health.down().withDetail("grpc_status", e.getStatus().getCode().name()).build();
    }
  }
}
