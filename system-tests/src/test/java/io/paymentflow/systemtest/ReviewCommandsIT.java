package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.localrun.LocalSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's Temporal CLI commands, exactly as written there, against the running system: each
 * {@code temporal ...} line of its code blocks is taken from README.md, its example ids replaced by
 * real ones, run with the real CLI ({@code tools/go-tools/build.sh temporal}), and the rows checked
 * to change as the README says.
 */
@Order(11)
@ExtendWith(RunningSystem.class)
class ReviewCommandsIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path README = ROOT.resolve("README.md");
  private static final Path BUILD = ROOT.resolve("tools/go-tools/build.sh");

  /** The README's example ids and placeholder. */
  private static final String EXAMPLE_PAYMENT = "payment-stripe:evt_mine_1";

  private static final String EXAMPLE_REVIEW =
      "dlq-review-payments.validation.dlq-0-17-1f0e3dad99908345";
  private static final String FIXED_EVENT = "{ ...the fixed event... }";

  private static final String PAYMENT_ROWS =
      "SELECT count(*) FROM payment_events WHERE event_id = ?";

  @Test
  void theReadmesReviewCommandsDoWhatItSays(LocalSystem system) throws Exception {
    assumeTrue(
        run(List.of(BUILD.toString(), "temporal", "--check"), Map.of()).exitCode() == 0,
        "the Temporal CLI is not built: run tools/go-tools/build.sh temporal (needs Go);"
            + " skipping the README's review commands");
    Path cli = Path.of(run(List.of(BUILD.toString(), "temporal", "--print-path"), Map.of()).out());
    List<List<String>> commands = ReadmeCommands.of(README, "temporal");
    assertThat(commands).as("the README's temporal commands").hasSize(6);

    String marker = UUID.randomUUID().toString();
    String eventId = "stripe:evt_readme_" + marker;
    Records.publish(system, system.inputTopic(), event(eventId, "evt_readme_" + marker));
    String discardedValue = quarantined("discarded-" + marker);
    RecordMetadata discarded = Records.publish(system, system.dlqTopic(), discardedValue);
    String reprocessedId = "stripe:dlq-reprocessed-" + marker;
    String reprocessedValue = quarantined("reprocessed-" + marker);
    RecordMetadata reprocessed = Records.publish(system, system.dlqTopic(), reprocessedValue);
    await("the event's row and both quarantine rows")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                RowChecks.count(system.postgres(), PAYMENT_ROWS, eventId) == 1
                    && quarantineRow(system, discarded) != null
                    && quarantineRow(system, reprocessed) != null);
    String discardReview = WorkflowIds.review(coordinates(discarded, discardedValue));
    String reprocessReview = WorkflowIds.review(coordinates(reprocessed, reprocessedValue));
    // The db worker counts pending reviews every 15 s.
    await("the pending reviews in the db worker's gauge")
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                Metrics.sum(
                    Metrics.scrape(system.app(LocalSystem.DB_WORKER).port()),
                    "paymentflow_reviews_pending"),
            pending -> pending >= 2);

    Map<String, String> env = Map.of("TEMPORAL_ADDRESS", system.options().temporalAddress());
    List<String> printed = new ArrayList<>();
    for (List<String> readmeCommand : commands) {
      String line = String.join(" ", readmeCommand);
      String review = line.contains("discard") ? discardReview : reprocessReview;
      List<String> command = new ArrayList<>();
      command.add(cli.toString());
      for (String word : readmeCommand.subList(1, readmeCommand.size())) {
        command.add(
            word.replace(EXAMPLE_PAYMENT, WorkflowIds.payment(eventId))
                .replace(EXAMPLE_REVIEW, review)
                .replace(FIXED_EVENT, event(reprocessedId, "dlq-reprocessed-" + marker)));
      }
      Run result = run(command, env);
      printed.add("$ " + line + "\n" + result.out());
      assertThat(result.exitCode()).as(line + "\n" + result.out() + result.err()).isZero();
      if (line.contains(" list ")) {
        await("both reviews in the list")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> run(command, env).out(),
                out -> out.contains(discardReview) && out.contains(reprocessReview));
      } else if (line.contains(" describe ")) {
        assertThat(result.out()).contains(WorkflowIds.payment(eventId));
      } else if (line.contains("--type decisions")) {
        assertThat(result.out()).contains("reprocess");
      }
    }
    System.out.println(String.join("\n", printed));

    await("the discard decision on its row")
        .atMost(Duration.ofSeconds(60))
        .until(() -> "discard|alice".equals(review(system, discarded)));
    await("the reprocess decision on its row, and the corrected event's row")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                "reprocess|alice|started".equals(review(system, reprocessed))
                    && RowChecks.count(system.postgres(), PAYMENT_ROWS, reprocessedId) == 1);
    System.out.println("README review commands: " + commands.size() + " run, rows as documented");
  }

  private static String event(String eventId, String providerEventId) {
    return """
        {"event_id":"%s","provider":"stripe","provider_event_id":"%s",\
        "event_type":"payment.succeeded","customer_id":"cus_42","amount_cents":1999,"currency":"USD",\
        "status":"succeeded","provider_created_at":"2026-11-28T10:00:00Z",\
        "processed_at":"2026-11-28T10:00:01.000001+00:00","schema_version":1}"""
        .formatted(eventId, providerEventId);
  }

  /** A normalizer's quarantine payload, as the DLQ topic carries them. */
  private static String quarantined(String id) {
    return """
        {"event_id":"stripe:dlq-%1$s","provider":"stripe","provider_event_id":"dlq-%1$s",\
        "original_payload":"{\\"id\\":\\"evt\\",\\"data\\":{\\"object\\":{\\"currency\\":\\"??\\"}}}",\
        "validation_errors":[{"field":"data.object.currency","code":"INVALID_CURRENCY",\
        "message":"currency '??' is not ISO-4217"}],"failure_reason":"INVALID_CURRENCY",\
        "source_topic":"payments.raw.stripe","kafka_partition":0,"kafka_offset":1,\
        "quarantined_at":"2026-11-28T10:00:00.000000+00:00","schema_version":1}"""
        .formatted(id);
  }

  private static KafkaCoordinates coordinates(RecordMetadata at, String value) {
    return KafkaCoordinates.of(
        at.topic(), at.partition(), at.offset(), value.getBytes(StandardCharsets.UTF_8));
  }

  /** resolution|reviewed_by[|reprocess_outcome] of the record's row, null while absent. */
  private static String review(LocalSystem system, RecordMetadata at) throws Exception {
    String[] row = quarantineRow(system, at);
    if (row == null || row[0] == null) {
      return null;
    }
    return row[2] == null ? row[0] + "|" + row[1] : row[0] + "|" + row[1] + "|" + row[2];
  }

  private static String[] quarantineRow(LocalSystem system, RecordMetadata at) throws Exception {
    return RowChecks.quarantineRow(
        system.postgres(), at, "resolution, reviewed_by, reprocess_outcome");
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run run(List<String> command, Map<String, String> env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(new HashMap<>(env));
    Path err = Files.createTempFile("cli", ".err");
    builder.redirectError(err.toFile());
    Process process = builder.start();
    try {
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Run(process.exitValue(), out.strip(), Files.readString(err));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
