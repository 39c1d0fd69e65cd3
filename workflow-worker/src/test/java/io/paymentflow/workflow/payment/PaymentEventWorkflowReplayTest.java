package io.paymentflow.workflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.workflow.ActivityOptionsConfig;
import io.paymentflow.workflow.ActivityRetryProperties;
import io.paymentflow.workflow.WorkflowRegistration;
import io.paymentflow.workflow.support.TemporalFixture;
import io.paymentflow.workflow.validation.ValidationActivitiesImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays histories recorded from earlier versions of both workflows (src/test/resources/histories,
 * written by {@code RecordHistories}) against the current code: a change that would break running
 * workflows fails here. The worker is registered as in production, with the production data
 * converter, but with other timeouts, a longer review window and the contract's default retries,
 * because none of those may matter on replay.
 */
class PaymentEventWorkflowReplayTest {

  private static TestWorkflowEnvironment env;
  private static Worker worker;

  @BeforeAll
  static void registerAsInProduction() {
    // Decoded with the converter every app uses, as production replays them.
    env =
        TestWorkflowEnvironment.newInstance(
            TemporalFixture.productionConverter(TestEnvironmentOptions.newBuilder()).build());
    worker = env.newWorker(TaskQueues.PAYMENT_PROCESSING);
    WorkflowRegistration.register(
        worker,
        ActivityOptionsConfig.forWorkflows(
            ActivityRetryProperties.defaults(), TemporalFixture.defaultQueues()),
        Duration.ofDays(14),
        new ValidationActivitiesImpl(TemporalFixture.defaultRules()));
  }

  @AfterAll
  static void close() {
    env.close();
  }

  static List<Path> histories() throws IOException, URISyntaxException {
    Path dir = Path.of(PaymentEventWorkflowReplayTest.class.getResource("/histories").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("histories")
  void recordedHistoryReplaysWithoutNondeterminism(Path history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        WorkflowExecutionHistory.fromJson(Files.readString(history)), worker);
  }

  @Test
  void historiesCoverEveryPathOfBothWorkflows() throws Exception {
    assertThat(histories())
        .extracting(p -> p.getFileName().toString())
        .contains(
            "payment-succeeded.json",
            "payment-failed.json",
            "payment-degraded.json",
            "payment-three-enrichments.json",
            "payment-persist-rejected.json",
            "review-reprocess.json",
            "review-expired.json",
            "review-child-exists.json",
            "review-decision-races-timer.json",
            // Version 1 of persist-backstop and review-outcomes.
            "payment-persist-quarantined.json",
            "review-decision-refused.json",
            "review-reprocess-outcome.json",
            "review-child-exists-outcome.json",
            "review-decision-races-timer-outcomes.json",
            // Version 1 of enrichment-requests and decided-rows, and paths recorded late.
            "payment-enrichment-requests.json",
            "payment-validation-failed.json",
            "payment-backstop-review-exists.json",
            "payment-reprocess-refused.json",
            "review-decided-by-update.json",
            "review-row-decided-before.json",
            "review-decision-not-taken.json");
  }
}
