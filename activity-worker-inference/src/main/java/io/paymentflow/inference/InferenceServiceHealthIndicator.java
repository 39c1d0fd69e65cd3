package io.paymentflow.inference;

import io.temporal.failure.ApplicationFailure;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code inferenceService}: the inference service's {@code GET /health}.
 *
 * <p>Deliberately NOT in the readiness group (nor liveness). Readiness gates Service traffic, and
 * this worker receives none: it pulls tasks from Temporal. Taking it "out of rotation" would change
 * nothing, while a worker that keeps polling during an outage lets Temporal's retries carry calls
 * over the gap, and a restart (liveness) would not bring the service back either. It shows in
 * {@code /actuator/health} so operators and alerts can see the outage.
 */
@Component
class InferenceServiceHealthIndicator implements HealthIndicator {

  private final InferenceClient client;

  InferenceServiceHealthIndicator(InferenceClient client) {
    this.client = client;
  }

  @Override
  public Health health() {
    try {
      client.checkHealth();
      return Health.up().build();
    } catch (ApplicationFailure failure) {
      return Health.down().withDetail("failure", failure.getType()).build();
    }
  }
}
