package io.paymentflow.bridge.poison;

import io.paymentflow.bridge.BridgeMetrics;
import io.paymentflow.bridge.start.WorkflowStart;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.QuarantinedRecord;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Turns a record that cannot be read into a {@code DLQReviewWorkflow} start (CONTRACTS 4): the raw
 * bytes and the coordinates where the bridge read it are kept, so the record is neither dropped nor
 * retried forever, and its offset is committed only once the review workflow (which persists the
 * row) has been started.
 */
@Component
public class PoisonRecordHandler {

  private static final Logger log = LoggerFactory.getLogger(PoisonRecordHandler.class);

  private final BridgeMetrics metrics;

  public PoisonRecordHandler(BridgeMetrics metrics) {
    this.metrics = metrics;
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
            readAt);
    return WorkflowStart.review(record);
  }
}
