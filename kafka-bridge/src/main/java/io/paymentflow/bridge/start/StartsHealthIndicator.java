package io.paymentflow.bridge.start;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness contributor {@code starts}: whether starts are failing right now. It catches what
 * Temporal's health check ({@code temporal}) cannot see, e.g. a missing namespace or a denied
 * permission, which the bridge also waits out without committing.
 */
@Component
class StartsHealthIndicator implements HealthIndicator {

  private final StartFailures failures;

  StartsHealthIndicator(StartFailures failures) {
    this.failures = failures;
  }

  @Override
  public Health health() {
    StartFailures.Failing failing = failures.current();
    if (failing == null) {
      return Health.up().build();
    }
    return Health.down()
        .withDetail("failingSince", failing.since().toString())
        .withDetail("lastError", failing.lastError())
        .build();
  }
}
