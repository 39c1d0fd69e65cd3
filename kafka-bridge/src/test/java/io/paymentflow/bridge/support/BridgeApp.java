package io.paymentflow.bridge.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.paymentflow.bridge.BridgeMetrics;
import io.paymentflow.bridge.KafkaBridgeApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One bridge, as its own Spring Boot application context in this JVM: several can run side by side
 * in one consumer group, and each can be closed (a graceful SIGTERM) and started again.
 */
public final class BridgeApp implements AutoCloseable {

  /** Where a bridge connects, and which topics and group it uses. */
  public record Setup(
      String bootstrapServers,
      String temporalTarget,
      String inputTopic,
      String dlqTopic,
      String group) {

    List<String> args() {
      return List.of(
          "--server.port=0",
          "--spring.kafka.bootstrap-servers=" + bootstrapServers,
          "--spring.kafka.consumer.group-id=" + group,
          "--temporal-worker.input-topic=" + inputTopic,
          "--temporal-worker.dlq-topic=" + dlqTopic,
          "--spring.temporal.connection.target=" + temporalTarget,
          "--temporal-worker.shutdown-grace-period=15s",
          "--temporal-worker.commit-interval=200ms",
          "--spring.kafka.consumer.properties.metadata.max.age.ms=1000",
          // In this JVM only: Boot's logback metrics add a turbo filter to the one, shared logback
          // context, which then runs for every trace call of the in-JVM Temporal server (it makes
          // thousands per second) and outlives the bridge's context.
          "--spring.autoconfigure.exclude="
              + "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback"
              + ".LogbackMetricsAutoConfiguration");
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ConfigurableApplicationContext context;
  private final MeterRegistry registry;

  private BridgeApp(ConfigurableApplicationContext context) {
    this.context = context;
    this.registry = context.getBean(MeterRegistry.class); // still readable once closed
  }

  public static BridgeApp start(Setup setup, String... extraArgs) {
    List<String> args = new ArrayList<>(setup.args());
    args.addAll(List.of(extraArgs));
    return new BridgeApp(
        new SpringApplicationBuilder(KafkaBridgeApplication.class)
            .run(args.toArray(String[]::new)));
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Sum of a bridge counter over all its tags, e.g. {@code workflows.started}. */
  public double count(String name, String... tags) {
    return registry().find(BridgeMetrics.PREFIX + name).tags(tags).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /** The largest value of a per-partition gauge, e.g. {@code partition.oldest.pending.age}. */
  public double gaugeMax(String name) {
    return registry().find(BridgeMetrics.PREFIX + name).gauges().stream()
        .mapToDouble(Gauge::value)
        .max()
        .orElse(Double.NaN);
  }

  public double gauge(String name) {
    Gauge gauge = registry().find(BridgeMetrics.PREFIX + name).gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  /** The HTTP status of {@code /actuator/health/readiness}: 200 ready, 503 not. */
  public int readiness() throws IOException, InterruptedException {
    return HTTP.send(get("/actuator/health/readiness"), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** The HTTP status of {@code /actuator/health/liveness}. */
  public int liveness() throws IOException, InterruptedException {
    return HTTP.send(get("/actuator/health/liveness"), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** What Prometheus scrapes. */
  public String prometheus() throws IOException, InterruptedException {
    return HTTP.send(get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString()).body();
  }

  private HttpRequest get(String path) {
    String port = context.getEnvironment().getProperty("local.server.port");
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
  }

  @Override
  public void close() {
    context.close();
  }
}
