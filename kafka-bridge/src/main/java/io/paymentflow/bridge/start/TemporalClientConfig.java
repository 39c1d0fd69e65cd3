package io.paymentflow.bridge.start;

import io.paymentflow.bridge.BridgeProperties;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.serviceclient.rpcretry.DefaultStubServiceOperationRpcRetryOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tunes the connection the Temporal starter builds.
 *
 * <p>The bridge uses the starter's {@code WorkflowClient} rather than its own stubs: the starter
 * already maps {@code spring.temporal.connection.*} (target, TLS, API key), the namespace and the
 * SDK's Micrometer metrics, and it creates no {@code WorkerFactory} as long as no worker is
 * configured, so nothing polls a task queue from here. What it does not know is that the bridge
 * retries starts itself: the SDK would otherwise retry a failing start for a whole minute before
 * telling anyone, hiding an outage from the bridge's metrics and readiness.
 */
@Configuration(proxyBeanMethods = false)
class TemporalClientConfig {

  @Bean
  StartedFlagInterceptor startedFlagInterceptor() {
    return new StartedFlagInterceptor();
  }

  @Bean
  TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> bridgeStubsCustomizer(
      BridgeProperties properties, StartedFlagInterceptor startedFlag) {
    return builder -> configure(builder, properties, startedFlag);
  }

  static WorkflowServiceStubsOptions.Builder configure(
      WorkflowServiceStubsOptions.Builder builder,
      BridgeProperties properties,
      StartedFlagInterceptor startedFlag) {
    RpcRetryOptions quickRetries =
        DefaultStubServiceOperationRpcRetryOptions.getBuilder()
            .setExpiration(properties.startAttemptTimeout())
            .validateBuildWithDefaults();
    return builder
        .setGrpcClientInterceptors(List.of(startedFlag))
        .setRpcRetryOptions(quickRetries)
        .setRpcTimeout(properties.startAttemptTimeout())
        // The first call also fetches the server's capabilities, under a lock all start threads
        // share: bounded the same way, a bridge started while Temporal is down fails its first
        // attempts as fast as any other.
        .setSystemInfoTimeout(properties.startAttemptTimeout());
  }
}
