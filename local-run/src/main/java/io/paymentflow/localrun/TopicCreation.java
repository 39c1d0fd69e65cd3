package io.paymentflow.localrun;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the run's topics where they are missing; an existing topic is left as it is. */
final class TopicCreation {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private TopicCreation() {}

  /** With the cluster's default replication factor: one on the local broker. */
  static void ensure(String bootstrapServers, List<String> topics, int partitions) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      for (String topic : topics) {
        try {
          admin
              .createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
              .all()
              .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new LocalRunException(
                "cannot create topic " + topic + " on " + bootstrapServers + ": " + e.getCause());
          }
        } catch (TimeoutException e) {
          throw new LocalRunException(
              "Kafka at " + bootstrapServers + " did not answer within " + TIMEOUT);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
