package io.paymentflow.bridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentflow.bridge.support.KafkaBroker;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.PaymentSource;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.temporal.client.WorkflowClient;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

/**
 * (d): the same pipelining built on spring-kafka's listener container instead of our poll loop: one
 * container (one consumer, as the bridge has), {@code AckMode.MANUAL} with {@code asyncAcks}, so
 * acknowledgements may come out of order and the container commits each partition up to its first
 * gap, which is the bridge's commit rule. The listener hands each record to as many start threads
 * as the bridge has and acknowledges it when its start is acknowledged; at most {@code 4 × threads}
 * records are in flight (the listener thread waits beyond that), as the bridge bounds its own.
 */
final class SpringKafkaLoop {

  static Measurement.Run run(
      KafkaBroker kafka, WorkflowClient client, int threads, String name, int records)
      throws Exception {
    String topic = BenchTopic.publish(kafka, name, records);
    ObjectMapper json = BenchTopic.json();
    long[] latencies = new long[records];
    AtomicInteger done = new AtomicInteger();
    CountDownLatch all = new CountDownLatch(records);
    Semaphore inFlight = new Semaphore(4 * threads);
    ExecutorService starts = Executors.newFixedThreadPool(threads);
    long[] began = new long[1];

    AcknowledgingMessageListener<byte[], byte[]> listener =
        (record, ack) -> {
          if (began[0] == 0) {
            began[0] = System.nanoTime();
          }
          inFlight.acquireUninterruptibly();
          starts.execute(
              () -> {
                try {
                  PaymentEvent event = json.readValue(record.value(), PaymentEvent.class);
                  long start = System.nanoTime();
                  PaymentEventWorkflow workflow =
                      client.newWorkflowStub(
                          PaymentEventWorkflow.class, RawStartLoop.options(event));
                  WorkflowClient.start(
                      workflow::process,
                      event,
                      PaymentSource.kafka(
                          new KafkaCoordinates(
                              record.topic(), record.partition(), record.offset())));
                  latencies[done.getAndIncrement()] = System.nanoTime() - start;
                  ack.acknowledge();
                  all.countDown();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                } finally {
                  inFlight.release();
                }
              });
        };
    ContainerProperties properties = new ContainerProperties(topic);
    properties.setAckMode(ContainerProperties.AckMode.MANUAL);
    properties.setAsyncAcks(true);
    properties.setMessageListener(listener);
    var container =
        new KafkaMessageListenerContainer<>(
            new DefaultKafkaConsumerFactory<byte[], byte[]>(
                BenchTopic.consumerConfig(kafka, name),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer()),
            properties);
    container.start();
    try {
      if (!all.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("spring-kafka run stuck after " + done.get() + " records");
      }
    } finally {
      container.stop();
      starts.shutdown();
    }
    long elapsed = System.nanoTime() - began[0];
    System.err.printf("  spring-kafka loop: %.0f records/s%n", records / (elapsed / 1e9));
    return new Measurement.Run(latencies, elapsed);
  }

  private SpringKafkaLoop() {}
}
