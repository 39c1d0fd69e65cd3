package io.paymentflow.support;

import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration;
import io.temporal.spring.boot.autoconfigure.ServiceStubsAutoConfiguration;
import io.temporal.worker.WorkerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The Temporal side every app shares: its readiness check, and the drain of its workers. */
@AutoConfiguration(
    after = {ServiceStubsAutoConfiguration.class, RootNamespaceAutoConfiguration.class})
@EnableConfigurationProperties(AppProperties.class)
public class TemporalSupportConfiguration {

  @Bean
  @ConditionalOnBean(WorkflowServiceStubs.class)
  TemporalHealthIndicator temporalHealthIndicator(
      WorkflowServiceStubs stubs, AppProperties properties) {
    return new TemporalHealthIndicator(stubs, properties.healthCheckTimeout());
  }

  /** Every app's connection to Temporal, compressed or not as the deployment says. */
  @Bean
  TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> grpcCompression(
      AppProperties properties) {
    return builder -> builder.setGrpcCompression(properties.temporalGrpcCompression());
  }

  /** Only where the app has workers: the bridge starts workflows and polls nothing. */
  @Bean
  @ConditionalOnBean(WorkerFactory.class)
  WorkerDrain workerDrain(WorkerFactory workerFactory, AppProperties properties) {
    return new WorkerDrain(workerFactory, properties.shutdownGracePeriod());
  }
}
