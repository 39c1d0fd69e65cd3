package io.paymentflow.support;

import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.contracts.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * The defaults every app shares, in one place, below everything else an app or a deployment sets.
 *
 * <p>The contract's values (CONTRACTS section 2: Temporal target and namespace, the three task
 * queues, the two topics) come from {@code contracts}' constants; each is overridden by its {@code
 * TEMPORAL_WORKER_*} variable through Spring's relaxed binding ({@code
 * TEMPORAL_WORKER_PERSISTENCE_TASK_QUEUE} is {@code temporal-worker.persistence-task-queue}). Then
 * what an operator expects of every app: graceful shutdown bounded by the grace period, the three
 * exposed actuator endpoints, probes with their details (statuses of the dependencies, nothing
 * secret) and metrics tagged with the application's name. An app's own application.yml only adds
 * what is its own.
 */
public class ContractDefaults implements EnvironmentPostProcessor {

  static final String SOURCE = "paymentflowContractDefaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    MutablePropertySources sources = environment.getPropertySources();
    MapPropertySource defaults = new MapPropertySource(SOURCE, defaults());
    // Above SpringApplication's own default properties, which stay the lowest of all.
    if (sources.contains(DefaultPropertiesPropertySource.NAME)) {
      sources.addBefore(DefaultPropertiesPropertySource.NAME, defaults);
    } else {
      sources.addLast(defaults);
    }
  }

  static Map<String, Object> defaults() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("temporal-worker.temporal-host", "localhost:7233");
    defaults.put("temporal-worker.temporal-namespace", "default");
    defaults.put("temporal-worker.temporal-task-queue", TaskQueues.PAYMENT_PROCESSING);
    defaults.put("temporal-worker.inference-task-queue", TaskQueues.INFERENCE);
    defaults.put("temporal-worker.persistence-task-queue", TaskQueues.PERSISTENCE);
    defaults.put("temporal-worker.input-topic", Topics.INPUT);
    defaults.put("temporal-worker.dlq-topic", Topics.DLQ);
    defaults.put("temporal-worker.shutdown-grace-period", "30s");
    defaults.put("temporal-worker.health-check-timeout", "2s");
    defaults.put("temporal-worker.temporal-grpc-compression", "gzip");

    defaults.put("spring.temporal.connection.target", "${temporal-worker.temporal-host}");
    defaults.put("spring.temporal.namespace", "${temporal-worker.temporal-namespace}");
    // WorkerDrain starts the workers once the context is up and drains them on shutdown.
    defaults.put("spring.temporal.start-workers", "false");
    defaults.put(
        "spring.lifecycle.timeout-per-shutdown-phase", "${temporal-worker.shutdown-grace-period}");
    defaults.put("server.shutdown", "graceful");

    defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
    defaults.put("management.endpoint.health.probes.enabled", "true");
    // Without Spring Security, when-authorized shows nothing: the probe groups show their
    // dependencies' statuses to anyone who can reach the port, and the root health shows none.
    defaults.put("management.endpoint.health.show-details", "never");
    defaults.put("management.endpoint.health.group.readiness.show-details", "always");
    defaults.put("management.endpoint.health.group.liveness.show-details", "always");
    // Configuring a probe group replaces Boot's, and a group without includes takes every
    // contributor: liveness would then fail with a dependency, and Kubernetes restart a pod that
    // only waits for it. So both say what they hold; each app's yml adds its readiness checks.
    defaults.put("management.endpoint.health.group.liveness.include", "livenessState");
    defaults.put("management.endpoint.health.group.readiness.include", "readinessState");
    defaults.put("management.metrics.tags.application", "${spring.application.name}");
    return defaults;
  }
}
