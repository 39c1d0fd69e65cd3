package io.paymentflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import io.temporal.serviceclient.GrpcCompression;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The Temporal connection an app gets from the starter, compressed as
 * TEMPORAL_WORKER_TEMPORAL_GRPC_COMPRESSION says, and working either way against a real server.
 */
class GrpcCompressionTest {

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}

  @Test
  void gzipByDefaultAsTheSdk() throws Exception {
    try (EmbeddedTemporalServer temporal = new EmbeddedTemporalServer();
        ConfigurableApplicationContext app = start(temporal, Map.of())) {
      assertThat(stubs(app).getOptions().getGrpcCompression()).isEqualTo(GrpcCompression.GZIP);
      assertThat(app.getBean(TemporalHealthIndicator.class).health().getStatus())
          .isEqualTo(Status.UP);
    }
  }

  @Test
  void noneWhereTheDeploymentSaysSo() throws Exception {
    try (EmbeddedTemporalServer temporal = new EmbeddedTemporalServer();
        ConfigurableApplicationContext app =
            start(temporal, Map.of("TEMPORAL_WORKER_TEMPORAL_GRPC_COMPRESSION", "none"))) {
      assertThat(stubs(app).getOptions().getGrpcCompression()).isEqualTo(GrpcCompression.NONE);
      assertThat(app.getBean(TemporalHealthIndicator.class).health().getStatus())
          .isEqualTo(Status.UP);
    }
  }

  private static WorkflowServiceStubs stubs(ConfigurableApplicationContext app) {
    return app.getBean(WorkflowServiceStubs.class);
  }

  private static ConfigurableApplicationContext start(
      EmbeddedTemporalServer temporal, Map<String, Object> variables) {
    Map<String, Object> environment = new java.util.HashMap<>(variables);
    environment.put("TEMPORAL_WORKER_TEMPORAL_HOST", temporal.target());
    ConfigurableEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    return new SpringApplicationBuilder(App.class)
        .web(WebApplicationType.NONE)
        .environment(env)
        .run();
  }
}
