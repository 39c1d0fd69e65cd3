package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.localrun.DemoEvents;
import io.paymentflow.localrun.DemoRecord;
import io.paymentflow.localrun.DemoStream;
import io.paymentflow.localrun.Drained;
import io.paymentflow.localrun.LocalRunOptions;
import io.paymentflow.localrun.LocalSystem;
import io.paymentflow.localrun.QuarantineRows;
import io.paymentflow.localrun.Reconciliation;
import io.paymentflow.localrun.RowCounter;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run-local} stopped mid-stream and started again. Kafka's and PostgreSQL's data outlive a
 * run, the in-JVM Temporal server's state does not: a stop must not leave a record whose offset the
 * bridge committed in no table, and a review left open must be open again after the restart.
 *
 * <p>One demo stream (payments, duplicates, poison records, DLQ payloads) is published across both
 * runs by one producer, which rides out the gap: the first system is closed once rows are landing,
 * with workflows in flight and records still being published; the second starts on the same work
 * directory, ports and topics (same broker data, same database).
 */
@Order(0)
class LocalRunRestartIT {

  private static final int RECORDS = 3000;
  private static final int RATE = 100;

  @Test
  void aStopMidStreamLosesNothingAndTheNextStartReopensEveryOpenReview() throws Exception {
    long began = System.nanoTime();
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path work = root.resolve("system-tests/target/restart");
    deleteRecursively(work.resolve("kafka"));
    LocalRunOptions options =
        LocalRunOptions.parse(new String[0], Map.of("PAYMENTFLOW_HOME", root.toString()))
            .onEphemeralPorts(work)
            .keepingKafkaData(true)
            // Generous on a loaded 2-core machine: the point is that the stop waits at all.
            .withStopDrainTimeout(Duration.ofMinutes(3));

    LocalSystem first = new LocalSystem(options, System.out).start();
    DemoEvents demo = DemoStream.newDemo(first);
    String marker = demo.eventIdMarker();
    List<DemoRecord> records = demo.generate(RECORDS);
    DemoStream stream = new DemoStream(first, System.out);
    CompletableFuture<Reconciliation> flowing =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return stream.publishAndReconcile(marker, records, RATE, Duration.ofMinutes(4));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      RowCounter counter = new RowCounter(first.postgres());
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> counter.paymentRows(marker) >= 100);
    } finally {
      System.out.println("\n=== stopping the first run mid-stream");
      first.close();
    }
    Drained drained = first.drained();

    System.out.println("\n=== starting the second run on the same data");
    LocalSystem second = new LocalSystem(options.keepingKafkaData(false), System.out).start();
    try {
      Reconciliation result = flowing.get(10, TimeUnit.MINUTES);
      List<String> topics = List.of(second.inputTopic(), second.dlqTopic());
      long quarantineRowsOfTopics = quarantineRows(second, topics);
      List<QuarantinedRecord> unreviewed =
          new QuarantineRows(second.postgres(), topics).unreviewed();
      List<String> withoutOpenReview = withoutOpenReview(second, unreviewed);
      long lost =
          Math.max(0, result.payments() - result.paymentRows())
              + Math.max(0, result.expectedQuarantineRows() - result.quarantineRows());
      System.out.printf(
          "--- report: local run restarted mid-stream | published %d (payments %d, duplicates %d,"
              + " poison %d, DLQ %d) | at the stop %d payment workflows and %d reviews in flight,"
              + " drained in %.1fs, abandoned %d | reviews re-opened %d | payment rows %d |"
              + " quarantine rows %d of %d | lost %d | doubled %d | unreviewed rows %d, without an"
              + " open review %d | %.1fs%n",
          result.published(),
          result.payments(),
          result.duplicates(),
          result.poison(),
          result.dlqPayloads(),
          drained.payments(),
          drained.reviews(),
          drained.took().toMillis() / 1000.0,
          drained.abandoned(),
          second.reopenedReviews(),
          result.paymentRows(),
          quarantineRowsOfTopics,
          result.expectedQuarantineRows(),
          lost,
          result.duplicateRows(),
          unreviewed.size(),
          withoutOpenReview.size(),
          (System.nanoTime() - began) / 1e9);

      assertThat(drained.payments()).as("payment workflows in flight at the stop").isPositive();
      assertThat(drained.abandoned()).as("workflows abandoned at the stop").isZero();
      assertThat(result.paymentRows()).as("payment rows").isEqualTo(result.payments());
      assertThat(result.quarantineRows())
          .as("quarantine rows at the published coordinates")
          .isEqualTo(result.expectedQuarantineRows());
      assertThat(quarantineRowsOfTopics)
          .as("quarantine rows of the run's topics, none extra")
          .isEqualTo(result.expectedQuarantineRows());
      assertThat(result.duplicateRows()).as("doubled rows").isZero();
      assertThat(unreviewed).as("unreviewed rows (the demo decides none)").isNotEmpty();
      assertThat(withoutOpenReview).as("unreviewed rows without an open review").isEmpty();
    } finally {
      second.close();
    }
  }

  private static long quarantineRows(LocalSystem system, List<String> topics) throws Exception {
    try (Connection db = system.postgres().connect();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT count(*) FROM payment_events_quarantine WHERE dlq_topic = ANY (?)")) {
      query.setArray(1, db.createArrayOf("text", topics.toArray()));
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The review ids of the rows whose review is not running on {@code system}'s server. */
  private static List<String> withoutOpenReview(
      LocalSystem system, List<QuarantinedRecord> unreviewed) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(system.options().temporalAddress())
                .build());
    try {
      List<String> missing = new ArrayList<>();
      for (QuarantinedRecord record : unreviewed) {
        String id = WorkflowIds.review(record.readAt());
        WorkflowExecutionStatus status;
        try {
          status =
              service
                  .blockingStub()
                  .describeWorkflowExecution(
                      DescribeWorkflowExecutionRequest.newBuilder()
                          .setNamespace("default")
                          .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id))
                          .build())
                  .getWorkflowExecutionInfo()
                  .getStatus();
        } catch (io.grpc.StatusRuntimeException e) {
          status = null;
        }
        if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
          missing.add(id + " (" + status + ")");
        }
      }
      return missing;
    } finally {
      service.shutdownNow();
    }
  }

  private static void deleteRecursively(Path directory) throws Exception {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
