package io.paymentflow.k3s;

import static org.awaitility.Awaitility.await;

import io.paymentflow.localrun.LocalPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka, Temporal, PostgreSQL and the inference stand-in, deployed into the cluster from
 * kubernetes-it/src/test/k3s/dependencies where the base's NetworkPolicies expect them, plus the
 * two Secrets (one random password) and the two topics.
 */
final class ClusterDependencies {

  private final K3sCluster cluster;
  private final String password;

  private ClusterDependencies(K3sCluster cluster, String password) {
    this.cluster = cluster;
    this.password = password;
  }

  /** Copies the manifests and the stand-in onto the node and applies them; does not wait. */
  static ClusterDependencies apply(K3sCluster cluster, Path root) {
    for (String tree : List.of(ClusterLayout.DEPLOY_TREE, ClusterLayout.TEST_TREE)) {
      cluster.copy(root.resolve(tree), node(tree));
    }
    cluster.write(
        ClusterLayout.KAFKA_EXTERNAL_KEY
            + "="
            + cluster.address(ClusterLayout.KAFKA_NODE_PORT)
            + "\n",
        node(ClusterLayout.KAFKA_EXTERNAL_ENV));
    StandInClasspath.copyTo(cluster, ClusterLayout.STAND_IN_ON_NODE);

    ClusterDependencies dependencies = new ClusterDependencies(cluster, randomPassword());
    cluster.kubectl("apply", "-f", node(ClusterLayout.DEPENDENCIES_DIR) + "/namespaces.yaml");
    dependencies.createSecret("postgres", ClusterLayout.POSTGRES_SECRET);
    dependencies.createSecret(ClusterLayout.APPS_NAMESPACE, ClusterLayout.APPS_DATABASE_SECRET);
    System.out.print(cluster.kubectl("apply", "-k", node(ClusterLayout.DEPENDENCIES_DIR)));
    return dependencies;
  }

  /** Waits for the four dependencies, then creates the topics and checks the database login. */
  void awaitReady() throws Exception {
    for (String namespace : ClusterLayout.DEPENDENCY_NAMESPACES) {
      Deployments.awaitAvailable(cluster, namespace, Duration.ofMinutes(8));
    }
    createTopics();
    await("PostgreSQL through its NodePort")
        .atMost(Duration.ofMinutes(1))
        .ignoreExceptions()
        .until(
            () -> {
              try (Connection ignored = postgres().connect()) {
                return true;
              }
            });
  }

  /** Kafka's external listener, as the test JVM reaches it. */
  String kafkaBootstrap() {
    return cluster.address(ClusterLayout.KAFKA_NODE_PORT);
  }

  /** The cluster's database, as the test JVM reaches it. */
  LocalPostgres postgres() {
    return new LocalPostgres(
        cluster.host(),
        cluster.mappedPort(ClusterLayout.POSTGRES_NODE_PORT),
        ClusterLayout.DATABASE_USER,
        password);
  }

  private void createTopics() {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
      await("topics " + ClusterLayout.TOPICS)
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(2))
          .ignoreExceptions()
          .until(
              () -> {
                Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                List<NewTopic> missing =
                    ClusterLayout.TOPICS.stream()
                        .filter(topic -> !existing.contains(topic))
                        .map(topic -> new NewTopic(topic, ClusterLayout.PARTITIONS, (short) 1))
                        .toList();
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                return missing.isEmpty();
              });
    }
    System.out.println("[k3s] topics " + ClusterLayout.TOPICS + " ready");
  }

  /**
   * The password goes through a root-only file on the node, never a command line or a manifest, and
   * the file is removed again.
   */
  private void createSecret(String namespace, String name) {
    String file = ClusterLayout.NODE_ROOT + "/secrets/" + name;
    cluster.write(password, file);
    try {
      cluster.kubectl(
          "-n",
          namespace,
          "create",
          "secret",
          "generic",
          name,
          "--from-file=" + ClusterLayout.SECRET_KEY + "=" + file);
    } finally {
      cluster.exec("rm", "-f", file);
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String node(String repositoryPath) {
    return ClusterLayout.NODE_ROOT + "/" + repositoryPath;
  }
}
