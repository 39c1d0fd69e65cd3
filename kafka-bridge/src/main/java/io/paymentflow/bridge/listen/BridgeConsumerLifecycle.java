package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.BridgeMetrics;
import io.paymentflow.bridge.BridgeProperties;
import io.paymentflow.bridge.start.WorkflowStarter;
import io.paymentflow.support.AppProperties;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the poll loop on its own thread from context start to context close. It is in the last phase
 * to start and so the first to stop: on SIGTERM the bridge stops consuming before anything it needs
 * (the starter, the Temporal client) goes away. If the loop dies, liveness turns BROKEN so that
 * Kubernetes restarts the pod instead of keeping a bridge that consumes nothing.
 */
@Component
class BridgeConsumerLifecycle implements SmartLifecycle {

  private final ConsumerFactory<?, ?> consumerFactory;
  private final RecordDecoder decoder;
  private final WorkflowStarter starter;
  private final BridgeMetrics metrics;
  private final PartitionGauges gauges;
  private final BridgeProperties properties;
  private final Duration shutdownGrace;
  private final ApplicationEventPublisher events;
  private volatile BridgeConsumer loop;

  BridgeConsumerLifecycle(
      ConsumerFactory<?, ?> consumerFactory,
      RecordDecoder decoder,
      WorkflowStarter starter,
      BridgeMetrics metrics,
      PartitionGauges gauges,
      BridgeProperties properties,
      AppProperties app,
      ApplicationEventPublisher events) {
    this.consumerFactory = consumerFactory;
    this.decoder = decoder;
    this.starter = starter;
    this.metrics = metrics;
    this.gauges = gauges;
    this.properties = properties;
    this.shutdownGrace = app.shutdownGracePeriod();
    this.events = events;
    metrics.inFlight(() -> loop == null ? 0 : loop.inFlight());
    metrics.heldBytes(() -> loop == null ? 0 : loop.heldBytes());
  }

  @Override
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    @SuppressWarnings("unchecked")
    Consumer<byte[], RawValue> consumer =
        (Consumer<byte[], RawValue>) consumerFactory.createConsumer();
    OffsetBook book = new OffsetBook();
    Pipeline pipeline =
        new Pipeline(
            decoder,
            starter,
            metrics,
            book,
            properties.maxInFlightStarts(),
            properties.maxInFlightBytes().toBytes(),
            properties.maxHeldBytes().toBytes(),
            fetchMaxBytes(consumerFactory.getConfigurationProperties()));
    loop =
        new BridgeConsumer(
            consumer,
            book,
            pipeline,
            gauges,
            properties,
            shutdownGrace,
            error -> AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN));
    new Thread(loop, "bridge-consumer").start();
  }

  /** The consumer's {@code fetch.max.bytes}: the most one poll returns from one broker. */
  static long fetchMaxBytes(Map<String, Object> consumerConfig) {
    Object value = consumerConfig.get(ConsumerConfig.FETCH_MAX_BYTES_CONFIG);
    if (value == null) {
      return ConsumerConfig.DEFAULT_FETCH_MAX_BYTES;
    }
    return value instanceof Number number
        ? number.longValue()
        : Long.parseLong(value.toString().trim());
  }

  @Override
  public void stop(Runnable callback) {
    BridgeConsumer running = loop;
    if (running == null) {
      callback.run();
      return;
    }
    running.requestStop();
    running.exited().whenComplete((ignored, error) -> callback.run());
  }

  @Override
  public void stop() {
    BridgeConsumer running = loop;
    if (running == null) {
      return;
    }
    running.requestStop();
    try {
      running.exited().get(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // the loop reports its own failures; stopping goes on regardless
    }
  }

  @Override
  public boolean isRunning() {
    BridgeConsumer running = loop;
    return running != null && !running.exited().isDone();
  }

  /** Whether the poll loop is up, for readiness. */
  boolean consuming() {
    return isRunning();
  }
}
