package io.paymentflow.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.bridge.support.BridgeApp;
import io.paymentflow.bridge.support.BridgeInfrastructure;
import io.paymentflow.bridge.support.Events;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An upstream that writes transactionally (CONTRACTS 1: the bridge reads committed records only).
 * Records of an aborted transaction start no workflow, those of committed ones do, and the
 * committed offsets reach the end of each partition: past the aborted records and the transaction
 * markers, which the consumer never returns, even when a partition ends with them.
 */
class TransactionalUpstreamTest {

  private static final String INPUT = "tx.input";
  private static final int PARTITIONS = 2;
  private static final int PER_TRANSACTION = 10;

  @RegisterExtension static final BridgeInfrastructure infra = new BridgeInfrastructure();

  @Test
  void recordsOfAbortedTransactionsStartNothingAndTheOffsetsMovePastThem() throws Exception {
    infra.kafka().createTopic(INPUT, PARTITIONS);
    infra.kafka().createTopic("tx.dlq", 1);
    try (KafkaProducer<byte[], byte[]> producer = transactionalProducer()) {
      producer.initTransactions();
      transaction(producer, "kept:first_", true);
      transaction(producer, "aborted:middle_", false);
      transaction(producer, "kept:second_", true);
      // Each partition ends with aborted records and an abort marker: nothing the consumer
      // returns comes after them.
      transaction(producer, "aborted:last_", false);
    }

    BridgeApp.Setup setup =
        new BridgeApp.Setup(
            infra.kafka().bootstrapServers(),
            infra.temporal().target(),
            INPUT,
            "tx.dlq",
            "tx-group");
    try (BridgeApp bridge = BridgeApp.start(setup)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> infra.recorder().distinct() >= 2 * PER_TRANSACTION);
      await("the offsets committed to the end of each partition, past the aborted records")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(infra.kafka().committed("tx-group", INPUT))
                      .isEqualTo(infra.kafka().endOffsets(INPUT, PARTITIONS)));
      assertThat(bridge.count("records.consumed")).isEqualTo(2 * PER_TRANSACTION);
      System.out.printf(
          "transactional upstream: %d committed records started, %d aborted ones not,"
              + " committed offsets %s at the partitions' ends%n",
          infra.recorder().distinct(),
          2 * PER_TRANSACTION,
          infra.kafka().committed("tx-group", INPUT));
    }
    assertThat(infra.recorder().runs().keySet())
        .hasSize(2 * PER_TRANSACTION)
        .allMatch(id -> id.startsWith("payment-kept:"));
  }

  /** Sends {@link #PER_TRANSACTION} events, alternating partitions, then commits or aborts. */
  private static void transaction(
      KafkaProducer<byte[], byte[]> producer, String prefix, boolean commit) {
    producer.beginTransaction();
    for (int i = 0; i < PER_TRANSACTION; i++) {
      String eventId = prefix + i;
      producer.send(
          new ProducerRecord<>(INPUT, i % PARTITIONS, Events.key(eventId), Events.bytes(eventId)));
    }
    if (commit) {
      producer.commitTransaction();
    } else {
      producer.flush(); // the records are in the log; only the marker says they do not count
      producer.abortTransaction();
    }
  }

  private static KafkaProducer<byte[], byte[]> transactionalProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, "normalizer-1",
            ProducerConfig.ACKS_CONFIG, "all"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }
}
