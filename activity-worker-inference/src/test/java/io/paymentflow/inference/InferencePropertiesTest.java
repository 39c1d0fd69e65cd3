package io.paymentflow.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class InferencePropertiesTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Config.class)
          .withPropertyValues(
              "temporal-worker.inference.service-url=http://localhost:8002",
              "temporal-worker.inference.timeout=10",
              "temporal-worker.inference.connect-timeout=2s",
              "temporal-worker.inference.idle-timeout=1500ms",
              "temporal-worker.inference.max-concurrent-calls=50",
              "temporal-worker.inference.pollers=5");

  @Test
  void timeoutIsReadAsSecondsLikeTheContractVariable() {
    runner.run(
        context ->
            assertThat(context.getBean(InferenceProperties.class).timeout())
                .isEqualTo(Duration.ofSeconds(10)));
  }

  @Test
  void aTimeoutThatIsNotPositiveIsRefused() {
    runner
        .withPropertyValues("temporal-worker.inference.timeout=0")
        .run(
            context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("positive"));
  }

  @Test
  void connectTimeoutLongerThanTimeoutIsRefused() {
    runner
        .withPropertyValues("temporal-worker.inference.connect-timeout=15s")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void anIdleTimeoutThatIsNotPositiveIsRefused() {
    runner
        .withPropertyValues("temporal-worker.inference.idle-timeout=0s")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void serviceUrlMustBeHttp() {
    runner
        .withPropertyValues("temporal-worker.inference.service-url=ftp://inference")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void zeroConcurrencyIsRefused() {
    runner
        .withPropertyValues("temporal-worker.inference.max-concurrent-calls=0")
        .run(context -> assertThat(context).hasFailed());
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(InferenceProperties.class)
  static class Config {}
}
