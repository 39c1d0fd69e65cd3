package io.paymentflow.bridge;

import io.paymentflow.contracts.payment.WorkflowIds;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The bridge's own settings, bound under {@code temporal-worker} so that the contract's {@code
 * TEMPORAL_WORKER_*} variables apply; the defaults are in application.yml, and those every app
 * shares (topics, task queues, grace period, health timeout) in app-support's {@code
 * ContractDefaults}. Kafka's connection and group are Spring's own {@code spring.kafka.*}.
 *
 * @param inputTopic the payment events' topic
 * @param dlqTopic the quarantined records' topic
 * @param temporalTaskQueue the task queue both workflows are started on
 * @param maxInFlightStarts records handed to the starter and not yet acknowledged, retries
 *     included; when reached, consumption pauses, so memory stays bounded
 * @param maxInFlightBytes the bytes of the records in flight, bounded too: a burst of large records
 *     cannot exhaust the heap here or in the workers that run their workflows
 * @param maxHeldBytes the bytes of all the records taken from Kafka and not yet acknowledged: those
 *     in flight and those polled but not yet handed over. The bridge polls only while one more poll
 *     (the consumer's {@code fetch.max.bytes}) fits below it, so a burst of large records cannot
 *     fill the heap with polled records either
 * @param startThreads concurrent start calls (each blocks a thread for one round trip)
 * @param maxRecordBytes a larger record is quarantined as RECORD_TOO_LARGE without being parsed
 * @param maxWorkflowInputBytes a record whose workflow input, as Temporal's converter writes it,
 *     would be larger is quarantined as RECORD_TOO_LARGE: Temporal refuses inputs over its blob
 *     size limit (2 MiB by default), so keep this below the server's limit
 * @param oversizedPrefixBytes how much of an oversized record the quarantine row keeps
 * @param startAttemptTimeout one start attempt, including the SDK's own quick retries; then the
 *     bridge's backoff takes over (and its failure metrics and readiness see the outage)
 * @param revokeGracePeriod how long a rebalance waits for starts of the partitions it loses
 * @param pollTimeout how long one poll waits for records when the pipeline has room
 * @param commitInterval how often acknowledged offsets are committed while running
 */
@Validated
@ConfigurationProperties("temporal-worker")
public record BridgeProperties(
    @NotBlank String inputTopic,
    @NotBlank String dlqTopic,
    @NotBlank String temporalTaskQueue,
    @Min(1) @Max(100_000) int maxInFlightStarts,
    @NotNull DataSize maxInFlightBytes,
    @NotNull DataSize maxHeldBytes,
    @Min(1) @Max(1_000) int startThreads,
    @NotNull DataSize maxRecordBytes,
    @NotNull DataSize maxWorkflowInputBytes,
    @NotNull DataSize oversizedPrefixBytes,
    @NotNull Duration startRetryInitialBackoff,
    @NotNull Duration startRetryMaxBackoff,
    @DecimalMin("1.0") double startRetryMultiplier,
    @NotNull Duration startAttemptTimeout,
    @NotNull Duration revokeGracePeriod,
    @NotNull Duration pollTimeout,
    @NotNull Duration commitInterval) {

  @AssertTrue(message = "input-topic and dlq-topic must differ: each topic has its own schema")
  public boolean isTopicsDistinct() {
    return inputTopic == null || !inputTopic.equals(dlqTopic);
  }

  @AssertTrue(
      message =
          "input-topic and dlq-topic must be at most "
              + WorkflowIds.MAX_TOPIC_LENGTH
              + " characters, so that every review id fits Temporal's 255")
  public boolean isTopicsShortEnough() {
    return (inputTopic == null || inputTopic.length() <= WorkflowIds.MAX_TOPIC_LENGTH)
        && (dlqTopic == null || dlqTopic.length() <= WorkflowIds.MAX_TOPIC_LENGTH);
  }

  @AssertTrue(
      message = "max-held-bytes must be at least max-in-flight-bytes: those records are held too")
  public boolean isHeldBoundAboveInFlightBound() {
    return maxInFlightBytes == null
        || maxHeldBytes == null
        || maxHeldBytes.toBytes() >= maxInFlightBytes.toBytes();
  }

  @AssertTrue(message = "oversized-prefix-bytes must not exceed max-record-bytes")
  public boolean isPrefixWithinBound() {
    return maxRecordBytes == null
        || oversizedPrefixBytes == null
        || oversizedPrefixBytes.toBytes() <= maxRecordBytes.toBytes();
  }
}
