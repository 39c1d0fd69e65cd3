package io.paymentflow.k3s;

import io.paymentflow.contracts.Topics;
import io.paymentflow.localrun.LocalSystem;
import java.util.List;

/**
 * Names the K3s test relies on and the render tests check against the manifests: where things run,
 * what the test creates itself, and where it copies files on the K3s node.
 */
final class ClusterLayout {

  /** The dev overlay's namespace. */
  static final String APPS_NAMESPACE = "paymentflow-dev";

  static final List<String> APPS =
      List.of(
          LocalSystem.BRIDGE,
          LocalSystem.WORKFLOW_WORKER,
          LocalSystem.INFERENCE_WORKER,
          LocalSystem.DB_WORKER);

  /**
   * The namespaces of kubernetes-it/src/test/k3s/dependencies, in base/shared/dependencies.yaml.
   */
  static final List<String> DEPENDENCY_NAMESPACES =
      List.of("kafka", "temporal", "postgres", "inference");

  static final List<String> TOPICS = List.of(Topics.INPUT, Topics.DLQ);

  /** More than one, so that a second bridge during the roll takes partitions over: a rebalance. */
  static final int PARTITIONS = 4;

  /** Kafka's external listener, published by the K3s container for the test JVM. */
  static final int KAFKA_NODE_PORT = 30092;

  /** PostgreSQL, published by the K3s container so the test JVM can count rows. */
  static final int POSTGRES_NODE_PORT = 30432;

  /** The Secret the database worker reads (deploy/examples/postgres-secret.example.yaml). */
  static final String APPS_DATABASE_SECRET = "paymentflow-postgres";

  /** The Secret PostgreSQL takes its password from, in namespace postgres. */
  static final String POSTGRES_SECRET = "postgresql-credentials";

  static final String SECRET_KEY = "password";

  static final String DATABASE_USER = "payments";

  /** The repository's copy on the node: relative paths between the two trees stay as in git. */
  static final String NODE_ROOT = "/paymentflow";

  static final String DEPENDENCIES_DIR = "kubernetes-it/src/test/k3s/dependencies";
  static final String PAYMENTFLOW_DIR = "kubernetes-it/src/test/k3s/paymentflow";
  static final String TEST_TREE = "kubernetes-it/src/test/k3s";
  static final String DEPLOY_TREE = "deploy/kustomize";

  /** The file behind the kafka-external ConfigMap, which the test rewrites on the node. */
  static final String KAFKA_EXTERNAL_ENV = DEPENDENCIES_DIR + "/kafka-external.env";

  static final String KAFKA_EXTERNAL_KEY = "BROKER_EXTERNAL_ADDRESS";

  /** The inference stand-in's classpath on the node, mounted into its pod with a hostPath. */
  static final String STAND_IN_ON_NODE = NODE_ROOT + "/stand-in";

  /** Where the stand-in's pod mounts it (inference-service.yaml). */
  static final String STAND_IN_IN_POD = "/opt/stand-in";

  private ClusterLayout() {}

  /** The tag the dev overlay gives every app image, after the registry's normalisation. */
  static String devImage(String app) {
    return "docker.io/paymentflow/" + app + ":dev";
  }
}
