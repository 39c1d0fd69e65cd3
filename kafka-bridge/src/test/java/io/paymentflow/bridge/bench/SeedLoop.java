package io.paymentflow.bridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentflow.bridge.support.KafkaBroker;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.PaymentSource;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** (b), the seed's algorithm: one consumer; parse, start and wait, commit that offset, repeat. */
final class SeedLoop {

  /** The starts, as for the other variants, and the commits, which explain most of its time. */
  record SeedRun(Measurement.Run starts, Measurement.Run commits) {}

  static SeedRun run(KafkaBroker kafka, WorkflowClient client, String name, int records)
      throws Exception {
    String topic = BenchTopic.publish(kafka, name, records);
    ObjectMapper json = BenchTopic.json();
    long[] latencies = new long[records];
    long[] commits = new long[records];
    int done = 0;
    long began = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            BenchTopic.consumerConfig(kafka, name),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (done < records) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("seed run stuck after " + done + " records");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          if (began == 0) {
            began = System.nanoTime();
          }
          PaymentEvent event = json.readValue(record.value(), PaymentEvent.class);
          long start = System.nanoTime();
          PaymentEventWorkflow workflow =
              client.newWorkflowStub(PaymentEventWorkflow.class, RawStartLoop.options(event));
          WorkflowClient.start(
              workflow::process,
              event,
              PaymentSource.kafka(
                  new KafkaCoordinates(record.topic(), record.partition(), record.offset())));
          long started = System.nanoTime();
          latencies[done] = started - start;
          consumer.commitSync(
              Map.of(
                  new TopicPartition(record.topic(), record.partition()),
                  new OffsetAndMetadata(record.offset() + 1)));
          commits[done++] = System.nanoTime() - started;
        }
      }
    }
    long elapsed = System.nanoTime() - began;
    return new SeedRun(
        new Measurement.Run(latencies, elapsed), new Measurement.Run(commits, elapsed));
  }

  private SeedLoop() {}
}
