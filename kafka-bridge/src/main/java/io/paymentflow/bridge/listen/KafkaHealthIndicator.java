package io.paymentflow.bridge.listen;

import io.paymentflow.support.AppProperties;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness contributor {@code kafka}: the poll loop is running and a broker answers a cluster
 * description within {@code health-check-timeout}.
 */
@Component
class KafkaHealthIndicator implements HealthIndicator {

  private final BridgeConsumerLifecycle consumer;
  private final KafkaClusterProbe cluster;
  private final Duration timeout;

  KafkaHealthIndicator(
      BridgeConsumerLifecycle consumer, KafkaClusterProbe cluster, AppProperties properties) {
    this.consumer = consumer;
    this.cluster = cluster;
    this.timeout = properties.healthCheckTimeout();
  }

  @Override
  public Health health() {
    if (!consumer.consuming()) {
      return Health.down().withDetail("consumer", "not running").build();
    }
    try {
      return Health.up().withDetail("clusterId", cluster.clusterId(timeout)).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down().withDetail("cluster", "interrupted").build();
    } catch (Exception unreachable) {
      return Health.down().withDetail("cluster", unreachable.toString()).build();
    }
  }
}
