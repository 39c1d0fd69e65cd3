package io.paymentflow.localrun;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Says what a stop that could not wait for everything in flight leaves behind, record by record:
 * the bridge committed each one's offset unless an earlier record of its partition was still
 * unacknowledged, so some come back at the next start and some do not. It looks, rather than
 * guesses: each workflow's input says where its record was read, the consumer group says what was
 * committed, and the tables say whether its row was written anyway.
 */
final class AbandonedWork {

  /** What becomes of an abandoned workflow's record. */
  enum Fate {
    LOST(
        "at offsets the bridge had committed and without a row: Kafka does not deliver them again"),
    REDELIVERED("past their partition's committed offset: the bridge reads them again next start"),
    HAS_ROW("whose row was written before the stop: nothing lost"),
    REPROCESS("reprocesses an operator had started: their event has no row; decide again"),
    UNKNOWN("whose origin could not be read");

    final String meaning;

    Fate(String meaning) {
      this.meaning = meaning;
    }
  }

  private final InJvmWorkflows workflows;
  private final QuarantineRows rows;
  private final RowCounter counter;
  private final String kafkaBootstrap;
  private final Path workDirectory;
  private final PrintStream out;

  AbandonedWork(
      InJvmWorkflows workflows,
      QuarantineRows rows,
      RowCounter counter,
      String kafkaBootstrap,
      Path workDirectory,
      PrintStream out) {
    this.workflows = workflows;
    this.rows = rows;
    this.counter = counter;
    this.kafkaBootstrap = kafkaBootstrap;
    this.workDirectory = workDirectory;
    this.out = out;
  }

  /**
   * @param why why the stop goes on without them
   * @param uncounted whether what was in flight could not even be listed
   */
  void report(List<WorkflowExecutionInfo> abandoned, String why, boolean uncounted) {
    if (uncounted) {
      out.printf(
          "  the workers have stopped (%s), and what was still in flight cannot be listed: records"
              + " whose workflow was open have no row, and the bridge committed most of their"
              + " offsets%n",
          why);
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
    Set<String> reviewsWithRow = safely(rows::reviewIdsWithRow);
    Map<Fate, Integer> counts = new EnumMap<>(Fate.class);
    List<String> lines = new ArrayList<>();
    for (WorkflowExecutionInfo execution : abandoned) {
      String id = execution.getExecution().getWorkflowId();
      Optional<KafkaCoordinates> readAt;
      try {
        readAt = workflows.readAt(execution);
      } catch (RuntimeException e) {
        readAt = null;
      }
      Fate fate = fate(execution, readAt, committed, reviewsWithRow);
      counts.merge(fate, 1, Integer::sum);
      lines.add(
          String.join(
              "\t",
              id,
              readAt == null || readAt.isEmpty() ? "-" : readAt.get().toString(),
              fate.name()));
    }
    Path list = write(lines);
    out.printf(
        "  %d workflows were still open when the workers had stopped (%s); the in-JVM server's"
            + " state ends with the run, so their records are:%n",
        abandoned.size(), why);
    counts.forEach((fate, n) -> out.printf("    %4d %s%n", n, fate.meaning));
    if (committed == null) {
      out.println(
          "    (the committed offsets could not be read: LOST and REDELIVERED are guesses)");
    }
    out.println("  each one, with where it was read, in " + list);
  }

  private Fate fate(
      WorkflowExecutionInfo execution,
      Optional<KafkaCoordinates> readAt,
      Map<TopicPartition, OffsetAndMetadata> committed,
      Set<String> reviewsWithRow) {
    String id = execution.getExecution().getWorkflowId();
    boolean payment = execution.getType().getName().equals(InJvmWorkflows.PAYMENT_TYPE);
    if (readAt == null) {
      return Fate.UNKNOWN;
    }
    if (readAt.isEmpty()) {
      return payment ? Fate.REPROCESS : Fate.UNKNOWN;
    }
    boolean hasRow =
        payment
            ? hasPaymentRow(id.substring(WorkflowIds.payment("").length()))
            : reviewsWithRow != null && reviewsWithRow.contains(id);
    if (hasRow) {
      return Fate.HAS_ROW;
    }
    KafkaCoordinates at = readAt.get();
    OffsetAndMetadata next =
        committed == null ? null : committed.get(new TopicPartition(at.topic(), at.partition()));
    return next != null && next.offset() > at.offset() ? Fate.LOST : Fate.REDELIVERED;
  }

  private boolean hasPaymentRow(String eventId) {
    try {
      return counter.paymentRow(eventId);
    } catch (SQLException e) {
      return false;
    }
  }

  /** The bridge's committed offsets (it has stopped: they are final); null when unreadable. */
  private Map<TopicPartition, OffsetAndMetadata> committedOffsets() {
    String group = System.getenv().getOrDefault("TEMPORAL_WORKER_KAFKA_CONSUMER_GROUP", "");
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap))) {
      return admin
          .listConsumerGroupOffsets(group.isBlank() ? "temporal-worker-group" : group)
          .partitionsToOffsetAndMetadata()
          .get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      return null;
    }
  }

  private Path write(List<String> lines) {
    Path file =
        workDirectory.resolve(
            "abandoned-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + ".tsv");
    List<String> content = new ArrayList<>();
    content.add("# workflow id\tread at (topic-partition-offset)\tfate (see ./run-local's output)");
    content.addAll(lines);
    try {
      Files.createDirectories(workDirectory);
      Files.write(file, content);
    } catch (IOException e) {
      out.println("  (cannot write " + file + ": " + e.getMessage() + ")");
    }
    return file;
  }

  private static <T> T safely(SqlSupplier<T> query) {
    try {
      return query.get();
    } catch (SQLException e) {
      return null;
    }
  }

  @FunctionalInterface
  private interface SqlSupplier<T> {
    T get() throws SQLException;
  }
}
