package io.paymentflow.bridge.poison;

import io.paymentflow.bridge.BridgeMetrics;
import io.paymentflow.bridge.BridgeProperties;
import io.paymentflow.bridge.start.WorkflowStart;
import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.QuarantineReason;
import io.paymentflow.contracts.event.QuarantinedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a record that cannot be read into a {@code DLQReviewWorkflow} start (CONTRACTS 4): the raw
 * bytes and the coordinates where the bridge read it are kept, so the record is neither dropped nor
 * retried forever, and its offset is committed only once the review workflow (which persists the
 * row) has been started.
 */
@Component
public class PoisonRecordHandler {

  private static final Logger log = LoggerFactory.getLogger(PoisonRecordHandler.class);

  /** Renders a refused event back to JSON: Jackson 3 reads the contract's annotations too. */
  private static final JsonMapper EVENT_JSON = JsonMapper.builder().build();

  private final BridgeMetrics metrics;
  private final int prefixBytes;

  public PoisonRecordHandler(BridgeMetrics metrics, BridgeProperties properties) {
    this.metrics = metrics;
    for (String topic : new String[] {properties.inputTopic(), properties.dlqTopic()}) {
      for (QuarantineReason reason : QuarantineReason.values()) {
        metrics.expectPoison(topic, reason);
      }
    }
    this.prefixBytes = (int) properties.oversizedPrefixBytes().toBytes();
  }

  public WorkflowStart quarantine(KafkaCoordinates readAt, RawPayload payload, Poison poison) {
    metrics.poison(readAt.topic(), poison.reason());
    try (MDC.MDCCloseable ignored = MDC.putCloseable("event_id", poison.eventId())) {
      log.warn(
          "Quarantining record {} as {}: {}",
          readAt,
          poison.reason(),
          poison.errors().isEmpty() ? "" : poison.errors().get(0).message());
    }
    QuarantinedRecord record =
        new QuarantinedRecord(
            poison.eventId(),
            poison.provider(),
            poison.providerEventId(),
            payload.text(),
            payload.encoding(),
            poison.errors(),
            poison.reason().name(),
            // Where the normalizer read it is unknown: the bridge could not read the record.
            null,
            null,
            null,
            Instant.now().toString(),
            1,
            readAt,
            null);
    return WorkflowStart.review(record);
  }

  /**
   * What to start instead of a start Temporal refused for good (an invalid argument: too large, an
   * id too long, ...), so the record still becomes a quarantine row ({@code START_REJECTED}) and
   * its offset can be committed: the record's review, with at most the first {@code
   * oversized-prefix-bytes} of its content (the whole record stays in Kafka at its coordinates). If
   * that review is refused too, a review with no payload at all; null after that, when nothing
   * smaller is left to try.
   */
  public WorkflowStart startRejected(WorkflowStart rejected, String serverMessage) {
    QuarantinedRecord original = rejected.record();
    if (original != null
        && QuarantineReason.START_REJECTED.name().equals(original.failureReason())
        && (original.originalPayload() == null || original.originalPayload().isEmpty())) {
      return null;
    }
    boolean second =
        original != null && QuarantineReason.START_REJECTED.name().equals(original.failureReason());
    RawPayload payload = second ? RawPayload.EMPTY : RawPayload.ofPrefix(prefix(content(rejected)));
    String message =
        "Temporal refused the start of " + rejected.workflowId() + ": " + serverMessage;
    return quarantine(
        rejected.readAt(),
        payload,
        new Poison(
            QuarantineReason.START_REJECTED,
            List.of(new FieldError("workflow", QuarantineReason.START_REJECTED.name(), message)),
            rejected.event() != null ? rejected.event().eventId() : original.eventId(),
            rejected.event() != null ? rejected.event().provider() : original.provider(),
            rejected.event() != null
                ? rejected.event().providerEventId()
                : original.providerEventId()));
  }

  private static byte[] content(WorkflowStart start) {
    return start.event() != null
        ? EVENT_JSON.writeValueAsBytes(start.event())
        : String.valueOf(start.record().originalPayload()).getBytes(StandardCharsets.UTF_8);
  }

  private byte[] prefix(byte[] content) {
    return Arrays.copyOf(content, Math.min(content.length, prefixBytes));
  }
}
