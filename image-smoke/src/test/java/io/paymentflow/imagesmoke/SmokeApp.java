package io.paymentflow.imagesmoke;

import io.paymentflow.contracts.Topics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the four apps as the smoke test runs it: its image tar, the port its image declares, and
 * the environment that points it at the smoke dependencies (the contract's variables).
 */
record SmokeApp(String module, int declaredPort) {

  /**
   * Database worker first: it owns the schema, which the others do not wait for but the row does.
   */
  static final List<SmokeApp> ALL =
      List.of(
          new SmokeApp("activity-worker-db", 8083),
          new SmokeApp("workflow-worker", 8081),
          new SmokeApp("activity-worker-inference", 8082),
          new SmokeApp("kafka-bridge", 8080));

  Path tar(Path repositoryRoot) {
    return repositoryRoot.resolve(module).resolve("target").resolve("jib-image.tar");
  }

  /** The container's environment: a free actuator port and the addresses of its dependencies. */
  Map<String, String> environment(SmokeDependencies deps, SmokeDatabase db, int serverPort) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SERVER_PORT", Integer.toString(serverPort));
    env.put("TEMPORAL_WORKER_TEMPORAL_HOST", deps.temporalTarget());
    env.put("TEMPORAL_WORKER_SHUTDOWN_GRACE_PERIOD", "5s");
    switch (module) {
      case "kafka-bridge" -> {
        env.put("TEMPORAL_WORKER_KAFKA_BOOTSTRAP_SERVERS", deps.kafkaBootstrap());
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", deps.kafkaBootstrap());
        env.put("TEMPORAL_WORKER_INPUT_TOPIC", Topics.INPUT);
        env.put("TEMPORAL_WORKER_DLQ_TOPIC", Topics.DLQ);
      }
      case "activity-worker-inference" ->
          env.put("TEMPORAL_WORKER_INFERENCE_SERVICE_URL", deps.inferenceUrl());
      case "activity-worker-db" -> {
        env.put("TEMPORAL_WORKER_POSTGRES_HOST", db.host());
        env.put("TEMPORAL_WORKER_POSTGRES_PORT", Integer.toString(db.port()));
        env.put("TEMPORAL_WORKER_POSTGRES_DB", db.database());
        env.put("TEMPORAL_WORKER_POSTGRES_USER", db.user());
        env.put("TEMPORAL_WORKER_POSTGRES_PASSWORD", db.password());
      }
      default -> {}
    }
    return env;
  }
}
