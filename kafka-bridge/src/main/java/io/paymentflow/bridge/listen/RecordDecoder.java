package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.BridgeProperties;
import io.paymentflow.bridge.poison.Poison;
import io.paymentflow.bridge.poison.PoisonRecordException;
import io.paymentflow.bridge.poison.PoisonRecordHandler;
import io.paymentflow.bridge.poison.RawPayload;
import io.paymentflow.bridge.start.WorkflowStart;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.PoisonReason;
import java.nio.charset.CharacterCodingException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Turns any record of either topic into the workflow start it calls for: a {@code
 * PaymentEventWorkflow} for a readable event, a {@code DLQReviewWorkflow} for a quarantine payload
 * or for a record that cannot be read. Never throws, so no record can stop the stream.
 *
 * <p>Checks run cheapest first: size (an oversized record is not decoded at all), then strict
 * UTF-8, then JSON and field types.
 */
@Component
class RecordDecoder {

  private final String inputTopic;
  private final long maxRecordBytes;
  private final PoisonRecordHandler poison;

  RecordDecoder(BridgeProperties properties, PoisonRecordHandler poison) {
    this.inputTopic = properties.inputTopic();
    this.maxRecordBytes = properties.maxRecordBytes().toBytes();
    this.poison = poison;
  }

  WorkflowStart decode(ConsumerRecord<?, RawValue> record) {
    KafkaCoordinates readAt =
        new KafkaCoordinates(record.topic(), record.partition(), record.offset());
    RawValue value = record.value();
    if (value == null) {
      return poison.quarantine(
          readAt,
          RawPayload.EMPTY,
          Poison.unreadable(PoisonReason.INVALID_JSON, "record", "the record has no value"));
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
          Poison.unreadable(PoisonReason.INVALID_ENCODING, "record", "not UTF-8: " + e));
    }
    RawPayload payload = new RawPayload(text, PayloadEncoding.UTF8);
    try {
      return inputTopic.equals(record.topic())
          ? WorkflowStart.payment(PaymentEventReader.read(text))
          : WorkflowStart.review(QuarantineReader.read(text, readAt));
    } catch (PoisonRecordException e) {
      return poison.quarantine(readAt, payload, e.poison());
    } catch (RuntimeException unexpected) {
      // A reader bug must not stall the partition: the record still reaches a reviewer.
      return poison.quarantine(
          readAt,
          payload,
          Poison.unreadable(PoisonReason.INVALID_JSON, "record", "unreadable: " + unexpected));
    }
  }

  private Poison tooLarge(RawValue value) {
    return Poison.unreadable(
        PoisonReason.RECORD_TOO_LARGE,
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
