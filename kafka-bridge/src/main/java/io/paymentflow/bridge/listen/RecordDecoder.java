package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.BridgeProperties;
import io.paymentflow.bridge.poison.Poison;
import io.paymentflow.bridge.poison.PoisonRecordException;
import io.paymentflow.bridge.poison.PoisonRecordHandler;
import io.paymentflow.bridge.poison.RawPayload;
import io.paymentflow.bridge.start.WorkflowInputBound;
import io.paymentflow.bridge.start.WorkflowStart;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.QuarantineReason;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Turns any record of either topic into the workflow start it calls for: a {@code
 * PaymentEventWorkflow} for a readable event, a {@code DLQReviewWorkflow} for a quarantine payload
 * or for a record that cannot be read. Never throws, so no record can stop the stream.
 *
 * <p>Checks run cheapest first: size (an oversized record is not decoded at all), then strict
 * UTF-8, then JSON, field types and storable values, then the size of the workflow input Temporal
 * would receive.
 */
@Component
class RecordDecoder {

  private final String inputTopic;
  private final long maxRecordBytes;
  private final long prefixBytes;
  private final PoisonRecordHandler poison;
  private final WorkflowInputBound inputBound;

  RecordDecoder(
      BridgeProperties properties, PoisonRecordHandler poison, WorkflowInputBound inputBound) {
    this.inputTopic = properties.inputTopic();
    this.maxRecordBytes = properties.maxRecordBytes().toBytes();
    this.prefixBytes = properties.oversizedPrefixBytes().toBytes();
    this.poison = poison;
    this.inputBound = inputBound;
  }

  WorkflowStart decode(ConsumerRecord<?, RawValue> record) {
    RawValue value = record.value();
    KafkaCoordinates readAt =
        new KafkaCoordinates(
            record.topic(),
            record.partition(),
            record.offset(),
            value == null ? KafkaCoordinates.hashOf((byte[]) null) : value.hash());
    WorkflowStart start = read(readAt, value);
    if (value == null || value.oversized()) {
      return start; // a review of a short prefix, far below any input bound
    }
    // Escaping can make the input larger than the record: quotes, backslashes and newlines of a
    // poison record's text, all of which its review carries.
    long inputBytes = inputBound.measure(start, value.size());
    return inputBytes <= inputBound.maxBytes()
        ? start
        : poison.quarantine(readAt, RawPayload.ofPrefix(prefix(value)), tooLargeInput(inputBytes));
  }

  private WorkflowStart read(KafkaCoordinates readAt, RawValue value) {
    if (value == null) {
      return poison.quarantine(
          readAt,
          RawPayload.EMPTY,
          Poison.unreadable(QuarantineReason.INVALID_JSON, "record", "the record has no value"));
    }
    if (value.oversized()) {
      return poison.quarantine(readAt, RawPayload.ofPrefix(value.bytes()), tooLarge(value));
    }
    String text;
    try {
      text = RawPayload.decodeUtf8(value.bytes());
    } catch (CharacterCodingException e) {
      return poison.quarantine(
          readAt,
          RawPayload.of(value.bytes()),
          Poison.unreadable(QuarantineReason.INVALID_ENCODING, "record", "not UTF-8: " + e));
    }
    RawPayload payload = new RawPayload(text, PayloadEncoding.UTF8);
    try {
      return inputTopic.equals(readAt.topic())
          ? WorkflowStart.payment(PaymentEventReader.read(text), readAt)
          : WorkflowStart.review(QuarantineReader.read(text, readAt));
    } catch (PoisonRecordException e) {
      return poison.quarantine(readAt, payload, e.poison());
    } catch (RuntimeException unexpected) {
      // A reader bug must not stall the partition: the record still reaches a reviewer.
      return poison.quarantine(
          readAt,
          payload,
          Poison.unreadable(QuarantineReason.INVALID_JSON, "record", "unreadable: " + unexpected));
    }
  }

  private byte[] prefix(RawValue value) {
    return Arrays.copyOf(value.bytes(), (int) Math.min(value.bytes().length, prefixBytes));
  }

  private Poison tooLargeInput(long inputBytes) {
    return Poison.unreadable(
        QuarantineReason.RECORD_TOO_LARGE,
        "record",
        "as Temporal's converter writes them, the workflow input or its enrichment requests have "
            + inputBytes
            + " bytes, over the bound of "
            + inputBound.maxBytes()
            + "; original_payload keeps the record's first "
            + prefixBytes
            + " bytes, the whole record stays in Kafka at the coordinates of this row");
  }

  private Poison tooLarge(RawValue value) {
    return Poison.unreadable(
        QuarantineReason.RECORD_TOO_LARGE,
        "record",
        "the record has "
            + value.size()
            + " bytes, over the bound of "
            + maxRecordBytes
            + "; original_payload keeps its first "
            + value.bytes().length
            + " bytes, the whole record stays in Kafka at the coordinates of this row");
  }
}
