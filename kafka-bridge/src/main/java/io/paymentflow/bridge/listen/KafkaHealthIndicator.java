package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.BridgeProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Readiness of the Kafka side (contributor {@code kafka}): the poll loop is running and a broker
 * answers a cluster description within {@code health-check-timeout}. One admin client for the app's
 * lifetime, so a probe costs one request, not a new connection.
 */
@Component
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

  private final BridgeConsumerLifecycle consumer;
  private final KafkaAdmin kafkaAdmin;
  private final long timeoutMillis;
  private AdminClient admin;

  KafkaHealthIndicator(
      BridgeConsumerLifecycle consumer, KafkaAdmin kafkaAdmin, BridgeProperties properties) {
    this.consumer = consumer;
    this.kafkaAdmin = kafkaAdmin;
    this.timeoutMillis = properties.healthCheckTimeout().toMillis();
  }

  @Override
  public Health health() {
    if (!consumer.consuming()) {
      return Health.down().withDetail("consumer", "not running").build();
    }
    try {
      String clusterId =
          admin()
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMillis))
              .clusterId()
              .get(timeoutMillis + 500, TimeUnit.MILLISECONDS);
      return Health.up().withDetail("clusterId", clusterId).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down(e).build();
    } catch (Exception unreachable) {
      destroy();
      return Health.down().withDetail("cluster", unreachable.toString()).build();
    }
  }

  private synchronized AdminClient admin() {
    if (admin == null) {
      Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
      config.put(AdminClientConfig.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
      admin = AdminClient.create(config);
    }
    return admin;
  }

  @Override
  public synchronized void destroy() {
    if (admin != null) {
      admin.close(Duration.ZERO);
      admin = null;
    }
  }
}
