package io.paymentflow.bridge.listen;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Asks the cluster to describe itself, over one admin client kept for the app's lifetime, so that a
 * readiness probe costs one request and not a new connection. The client is built from {@code
 * spring.kafka.*} (security included) and never rebootstraps on its own: after a failure it is
 * closed, and the next probe builds a fresh one, so an unreachable cluster costs no background
 * reconnect loop.
 */
@Component
class KafkaClusterProbe implements DisposableBean {

  private final KafkaAdmin kafkaAdmin;
  private AdminClient admin;

  KafkaClusterProbe(KafkaAdmin kafkaAdmin) {
    this.kafkaAdmin = kafkaAdmin;
  }

  /** The cluster's id, within {@code timeout}. */
  String clusterId(Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return admin()
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
          .clusterId()
          .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      destroy();
      throw e;
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
