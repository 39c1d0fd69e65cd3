package io.paymentflow.bridge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.paymentflow.contracts.event.QuarantineReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The bridge's own meters (Prometheus names: dots become underscores, counters get {@code _total}).
 * Kafka's client metrics (e.g. {@code kafka.consumer.fetch.manager.records.lag}) come from Spring
 * Boot's Micrometer consumer listener; per-partition pipeline gauges from {@code
 * listen.PartitionGauges}.
 */
@Component
public class BridgeMetrics {

  public static final String PREFIX = "paymentflow.bridge.";

  private final MeterRegistry registry;
  private final Map<List<Object>, Meter> meters = new ConcurrentHashMap<>();
  private final MeterProvider<Counter> consumed;
  private final MeterProvider<Counter> started;
  private final MeterProvider<Counter> duplicates;
  private final MeterProvider<Counter> poison;
  private final MeterProvider<Counter> failures;
  private final MeterProvider<Counter> rejected;
  private final MeterProvider<Timer> latency;

  public BridgeMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.consumed =
        Counter.builder(PREFIX + "records.consumed")
            .description("Records taken from Kafka and handed to the starter")
            .withRegistry(registry);
    this.started =
        Counter.builder(PREFIX + "workflows.started")
            .description("Workflows this bridge started")
            .withRegistry(registry);
    this.duplicates =
        Counter.builder(PREFIX + "workflows.duplicates")
            .description("Records whose workflow already existed (running or closed)")
            .withRegistry(registry);
    this.poison =
        Counter.builder(PREFIX + "records.poison")
            .description("Records that could not be read and were quarantined")
            .withRegistry(registry);
    this.failures =
        Counter.builder(PREFIX + "start.failures")
            .description("Start attempts that failed and will be retried")
            .withRegistry(registry);
    this.rejected =
        Counter.builder(PREFIX + "start.rejected")
            .description("Starts Temporal refused for good, replaced by the record's review")
            .withRegistry(registry);
    this.latency =
        Timer.builder(PREFIX + "start.latency")
            .description("One start call to Temporal, by outcome")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .withRegistry(registry);
  }

  public void consumed(String topic) {
    cached(consumed, "topic", topic).increment();
  }

  public void started(String workflowType) {
    cached(started, "workflow_type", workflowType).increment();
  }

  public void duplicate(String workflowType) {
    cached(duplicates, "workflow_type", workflowType).increment();
  }

  public void poison(String topic, QuarantineReason reason) {
    poison.withTags("topic", topic, "reason", reason.name()).increment();
  }

  /**
   * @param code the gRPC status code, or the exception's simple name when there is none
   */
  public void startFailed(String workflowType, String code) {
    failures.withTags("workflow_type", workflowType, "code", code).increment();
  }

  /**
   * Registers the poison counter of this topic and reason at zero, as {@link #expectStartFailures}.
   */
  public void expectPoison(String topic, QuarantineReason reason) {
    poison.withTags("topic", topic, "reason", reason.name());
  }

  /**
   * Registers the failure counter of this type and code at zero, so an alert's {@code rate()} reads
   * 0 before the first failure rather than nothing (Prometheus: initialize your metrics).
   */
  public void expectStartFailures(String workflowType, String code) {
    failures.withTags("workflow_type", workflowType, "code", code);
  }

  public void startRejected(String workflowType) {
    rejected.withTags("workflow_type", workflowType).increment();
  }

  public void startLatency(String workflowType, String outcome, long nanos) {
    cached(latency, "workflow_type", workflowType, "outcome", outcome)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * The meter for these tags, looked up once: these run for every record, and a registry lookup
   * builds and hashes a meter id each time.
   */
  @SuppressWarnings("unchecked")
  private <M extends Meter> M cached(MeterProvider<M> provider, String... tags) {
    List<Object> key = List.of(provider, List.of(tags));
    Meter meter = meters.get(key);
    if (meter == null) {
      meter = meters.computeIfAbsent(key, k -> provider.withTags(tags));
    }
    return (M) meter;
  }

  /** The bytes of the records polled and not yet acknowledged, against {@code max-held-bytes}. */
  public void heldBytes(Supplier<Number> heldBytes) {
    io.micrometer.core.instrument.Gauge.builder(PREFIX + "held.bytes", heldBytes)
        .description("Bytes of the records polled and not yet acknowledged: waiting or in flight")
        .baseUnit(BaseUnits.BYTES)
        .strongReference(true)
        .register(registry);
  }

  /** Starts handed over and not yet acknowledged (retries included). */
  public void inFlight(Supplier<Number> inFlight) {
    io.micrometer.core.instrument.Gauge.builder(PREFIX + "starts.in.flight", inFlight)
        .description("Starts handed over and not yet acknowledged")
        .strongReference(true)
        .register(registry);
  }
}
