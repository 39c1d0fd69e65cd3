package io.paymentflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.contracts.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The shared defaults as an app sees them, through a real Spring Boot startup (the post-processor
 * is registered in spring.factories), with the process environment replaced by a given one.
 */
class ContractDefaultsTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(Settings.class)
  static class NoBeans {}

  /** Shaped like an app's own settings: flat ones, and a nested group. */
  @ConfigurationProperties("temporal-worker")
  record Settings(Duration maxInFlightWait, Inference inference) {
    record Inference(String serviceUrl) {}
  }

  @Test
  void anAppsOwnSettingsTakeTheirVariablesByRelaxedBindingNestedOnesToo() {
    Map<String, Object> variables =
        Map.of(
            "TEMPORAL_WORKER_MAX_IN_FLIGHT_WAIT", "7s",
            "TEMPORAL_WORKER_INFERENCE_SERVICE_URL", "http://inference:8000");
    try (ConfigurableApplicationContext context = context(variables)) {
      Settings settings = context.getBean(Settings.class);

      assertThat(settings.maxInFlightWait()).isEqualTo(Duration.ofSeconds(7));
      assertThat(settings.inference().serviceUrl()).isEqualTo("http://inference:8000");
    }
  }

  @Test
  void theContractsValuesAreTheDefaults() {
    Environment env = start(Map.of());

    assertThat(env.getProperty("temporal-worker.temporal-task-queue"))
        .isEqualTo(TaskQueues.PAYMENT_PROCESSING);
    assertThat(env.getProperty("temporal-worker.inference-task-queue"))
        .isEqualTo(TaskQueues.INFERENCE);
    assertThat(env.getProperty("temporal-worker.persistence-task-queue"))
        .isEqualTo(TaskQueues.PERSISTENCE);
    assertThat(env.getProperty("temporal-worker.input-topic")).isEqualTo(Topics.INPUT);
    assertThat(env.getProperty("temporal-worker.dlq-topic")).isEqualTo(Topics.DLQ);
    assertThat(env.getProperty("spring.temporal.connection.target")).isEqualTo("localhost:7233");
    assertThat(env.getProperty("spring.temporal.namespace")).isEqualTo("default");
    assertThat(env.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("30s");
  }

  @Test
  void theContractsVariablesOverrideThemAndFeedSpringsOwnSettings() {
    Environment env =
        start(
            Map.of(
                "TEMPORAL_WORKER_TEMPORAL_HOST", "temporal-frontend.temporal:7233",
                "TEMPORAL_WORKER_TEMPORAL_NAMESPACE", "payments",
                "TEMPORAL_WORKER_PERSISTENCE_TASK_QUEUE", "persistence-blue",
                "TEMPORAL_WORKER_SHUTDOWN_GRACE_PERIOD", "45s"));

    assertThat(env.getProperty("spring.temporal.connection.target"))
        .isEqualTo("temporal-frontend.temporal:7233");
    assertThat(env.getProperty("spring.temporal.namespace")).isEqualTo("payments");
    assertThat(env.getProperty("temporal-worker.persistence-task-queue"))
        .isEqualTo("persistence-blue");
    assertThat(env.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("45s");
  }

  @Test
  void springsOwnVariableStillWinsOverTheDerivedDefault() {
    Environment env =
        start(
            Map.of(
                "TEMPORAL_WORKER_TEMPORAL_HOST", "ignored:7233",
                "SPRING_TEMPORAL_CONNECTION_TARGET", "direct:7233"));

    assertThat(env.getProperty("spring.temporal.connection.target")).isEqualTo("direct:7233");
  }

  @Test
  void anythingAnAppOrADeploymentSetsWins() {
    Environment env =
        start(Map.of(), "--management.endpoint.health.show-details=always", "--server.port=9000");

    assertThat(env.getProperty("management.endpoint.health.show-details")).isEqualTo("always");
    assertThat(env.getProperty("server.port")).isEqualTo("9000");
  }

  @Test
  void theProbeGroupsShowTheirDetailsAndTheRootHealthNone() {
    Environment env = start(Map.of());

    assertThat(env.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
    assertThat(env.getProperty("management.endpoint.health.show-details")).isEqualTo("never");
    assertThat(env.getProperty("management.endpoint.health.group.readiness.show-details"))
        .isEqualTo("always");
    assertThat(env.getProperty("management.endpoint.health.group.liveness.show-details"))
        .isEqualTo("always");
    assertThat(env.getProperty("management.endpoint.health.group.liveness.include"))
        .as("a dependency's outage must not fail liveness")
        .isEqualTo("livenessState");
  }

  private static Environment start(Map<String, Object> variables, String... args) {
    try (ConfigurableApplicationContext context = context(variables, args)) {
      return context.getEnvironment();
    }
  }

  private static ConfigurableApplicationContext context(
      Map<String, Object> variables, String... args) {
    ConfigurableEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return new SpringApplicationBuilder(NoBeans.class)
        .web(WebApplicationType.NONE)
        .environment(environment)
        .run(args);
  }
}
