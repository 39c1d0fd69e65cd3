package io.paymentflow.stream;

import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.Topics;
import io.paymentflow.localrun.DemoEvents;
import io.paymentflow.localrun.DemoRecord;
import io.paymentflow.localrun.DemoStream;
import io.paymentflow.localrun.LocalPostgres;
import io.paymentflow.localrun.Reconciliation;
import io.paymentflow.localrun.RowCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A demo stream (the local run's mix of payments, failures, duplicates, poison and DLQ payloads)
 * published in the background at a steady rate, for a cluster test that changes the deployment
 * while records flow and then reconciles rows against records.
 */
public final class MidStream implements AutoCloseable {

  private final ExecutorService publisher;
  private final Future<Reconciliation> result;
  private final Instant lastSend;
  private final RowCounter rows;
  private final String marker;
  private final long payments;

  private MidStream(
      ExecutorService publisher,
      Future<Reconciliation> result,
      Instant lastSend,
      RowCounter rows,
      String marker,
      long payments) {
    this.publisher = publisher;
    this.result = result;
    this.lastSend = lastSend;
    this.rows = rows;
    this.marker = marker;
    this.payments = payments;
  }

  /**
   * Starts publishing {@code count} records at {@code rate} per second to the contract's topics.
   */
  public static MidStream start(
      String kafkaBootstrap, LocalPostgres postgres, int count, int rate, String threadName) {
    DemoEvents demo = DemoStream.newDemo(Topics.INPUT, Topics.DLQ);
    String marker = demo.eventIdMarker();
    List<DemoRecord> records = demo.generate(count);
    long payments = records.stream().filter(r -> r.kind() == DemoRecord.Kind.PAYMENT).count();
    DemoStream stream = new DemoStream(kafkaBootstrap, postgres, System.out);
    // A daemon: should the test fail mid-stream, the publisher must not keep the JVM alive.
    ExecutorService publisher =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, threadName);
              thread.setDaemon(true);
              return thread;
            });
    // The publisher keeps to its schedule, so this is when it sends its last record.
    Instant lastSend = Instant.now().plusMillis(count * 1000L / rate);
    Future<Reconciliation> result =
        publisher.submit(
            () -> stream.publishAndReconcile(marker, records, rate, Duration.ofMinutes(5)));
    return new MidStream(publisher, result, lastSend, new RowCounter(postgres), marker, payments);
  }

  /**
   * Returns once a quarter of the payments are rows: the system is flowing, the stream not over.
   */
  public void awaitAQuarterPersisted() {
    await("a quarter of the payments persisted")
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .failFast(
            "the stream ended before a quarter of it was persisted",
            () -> {
              if (result.isDone()) {
                throw new AssertionError("stream result: " + result.get());
              }
            })
        .until(() -> rows.paymentRows(marker) >= payments / 4);
  }

  /** When the last record is sent: a change finished before this happened mid-stream. */
  public Instant lastSend() {
    return lastSend;
  }

  /** Waits for the stream to drain and reconciles it. */
  public Reconciliation reconciliation() throws Exception {
    return result.get(15, TimeUnit.MINUTES);
  }

  @Override
  public void close() {
    publisher.shutdownNow();
  }
}
