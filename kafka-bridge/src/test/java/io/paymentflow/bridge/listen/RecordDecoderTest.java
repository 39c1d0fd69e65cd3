package io.paymentflow.bridge.listen;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paymentflow.bridge.BridgeMetrics;
import io.paymentflow.bridge.BridgeProperties;
import io.paymentflow.bridge.poison.PoisonRecordHandler;
import io.paymentflow.bridge.start.WorkflowInputBound;
import io.paymentflow.bridge.start.WorkflowStart;
import io.paymentflow.bridge.support.Events;
import io.paymentflow.bridge.support.TestProperties;
import io.paymentflow.contracts.Payloads;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.QuarantinedRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RecordDecoderTest {

  private static final String INPUT = "payments.normalized";
  private static final String DLQ = "payments.validation.dlq";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final BridgeProperties properties =
      TestProperties.withRecordBound(DataSize.ofBytes(1000), DataSize.ofBytes(10));
  private final RecordDecoder decoder =
      new RecordDecoder(
          properties,
          new PoisonRecordHandler(new BridgeMetrics(registry), properties),
          new WorkflowInputBound(Payloads.converter(), properties));

  @Test
  void aReadableEventStartsItsPaymentWorkflow() {
    WorkflowStart start = decoder.decode(record(INPUT, 7, Events.bytes("square:sq_1")));

    assertThat(start.workflowType()).isEqualTo("PaymentEventWorkflow");
    assertThat(start.workflowId()).isEqualTo("payment-square:sq_1");
    assertThat(start.event().eventId()).isEqualTo("square:sq_1");
  }

  @Test
  void aDlqRecordStartsItsReviewWithWhereTheBridgeReadIt() {
    byte[] payload =
        "{\"event_id\":\"adyen:a1\",\"original_payload\":\"raw\"}".getBytes(StandardCharsets.UTF_8);

    WorkflowStart start = decoder.decode(record(DLQ, 3, payload));

    assertThat(start.workflowType()).isEqualTo("DLQReviewWorkflow");
    assertThat(start.workflowId())
        .isEqualTo("dlq-review-payments.validation.dlq-0-3-" + KafkaCoordinates.hashOf(payload));
    assertThat(start.record().readAt()).isEqualTo(KafkaCoordinates.of(DLQ, 0, 3, payload));
  }

  @Test
  void bytesThatAreNotUtf8AreQuarantinedAsBase64UnderTheirCoordinates() {
    byte[] latin1 = "{\"event_id\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

    QuarantinedRecord record = review(decoder.decode(record(INPUT, 12, latin1)));

    assertThat(record.failureReason()).isEqualTo("INVALID_ENCODING");
    assertThat(record.payloadEncoding()).isEqualTo(PayloadEncoding.BASE64);
    assertThat(Base64.getDecoder().decode(record.originalPayload())).isEqualTo(latin1);
    assertThat(record.eventId()).isNull();
    assertThat(record.readAt()).isEqualTo(KafkaCoordinates.of(INPUT, 0, 12, latin1));
  }

  @Test
  void aPoisonRecordKeepsItsTextExactlyAndItsEventIdWhenUsable() {
    String text = "{\"event_id\":\"stripe:evt_2\", \"amount_cents\": \"12\"}";

    WorkflowStart start = decoder.decode(record(INPUT, 5, text.getBytes(StandardCharsets.UTF_8)));

    QuarantinedRecord record = review(start);
    assertThat(start.workflowId())
        .isEqualTo(
            "dlq-review-payments.normalized-0-5-"
                + KafkaCoordinates.hashOf(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(record.eventId()).isEqualTo("stripe:evt_2");
    assertThat(record.originalPayload()).isEqualTo(text);
    assertThat(record.payloadEncoding()).isEqualTo(PayloadEncoding.UTF8);
    assertThat(record.failureReason()).isEqualTo("INVALID_FIELD");
    assertThat(record.sourceTopic()).isNull();
  }

  @Test
  void anOversizedRecordKeepsOnlyItsPrefixAndIsNotParsed() {
    byte[] large = new byte[2000];
    Arrays.fill(large, (byte) 'a');
    RawValue prefixOnly = new BoundedValueDeserializer(1000, 10).deserialize(INPUT, large);

    WorkflowStart start = decoder.decode(new ConsumerRecord<>(INPUT, 0, 9, null, prefixOnly));

    QuarantinedRecord record = review(start);
    // The whole value is hashed, though only its prefix is kept: it is the record's identity.
    assertThat(start.workflowId())
        .isEqualTo("dlq-review-" + INPUT + "-0-9-" + KafkaCoordinates.hashOf(large));
    assertThat(record.failureReason()).isEqualTo("RECORD_TOO_LARGE");
    assertThat(record.originalPayload()).isEqualTo("aaaaaaaaaa");
    assertThat(record.validationErrors().get(0).message()).contains("2000 bytes");
  }

  @Test
  void aRecordWithoutValueIsQuarantinedAsInvalidJson() {
    QuarantinedRecord record =
        review(decoder.decode(new ConsumerRecord<byte[], RawValue>(INPUT, 0, 4, null, null)));

    assertThat(record.failureReason()).isEqualTo("INVALID_JSON");
    assertThat(record.originalPayload()).isEmpty();
  }

  @Test
  void poisonIsCountedByTopicAndReason() {
    decoder.decode(record(INPUT, 1, "[]".getBytes(StandardCharsets.UTF_8)));
    decoder.decode(record(DLQ, 1, "[]".getBytes(StandardCharsets.UTF_8)));

    assertThat(
            registry
                .get(BridgeMetrics.PREFIX + "records.poison")
                .tags("topic", DLQ, "reason", "INVALID_JSON")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void aRecordWhoseWorkflowInputTemporalWouldRefuseIsQuarantinedByItsPrefix() {
    RecordDecoder bounded = decoderWithATightInputBound();
    // 900 quotes: poison, and its review carries them escaped, twice the bytes.
    byte[] quotes = "\"".repeat(900).getBytes(StandardCharsets.UTF_8);

    QuarantinedRecord record = review(bounded.decode(record(INPUT, 21, quotes)));

    assertThat(record.failureReason()).isEqualTo("RECORD_TOO_LARGE");
    assertThat(record.originalPayload()).isEqualTo("\"".repeat(10));
    assertThat(record.validationErrors().get(0).message()).contains("over the bound of 2048");
  }

  /**
   * One workflow task schedules all three enrichments, and a customer id is in two of their
   * requests: an event whose input fits can still make a task Temporal refuses, and the server
   * would terminate its run.
   */
  @Test
  void anEventWhoseEnrichmentRequestsTogetherPassTheBoundIsQuarantined() {
    RecordDecoder bounded = decoderWithATightInputBound();
    // Each emoji is 4 bytes here and 12 once the converter has escaped its surrogates.
    String customer = "\uD83D\uDE00".repeat(100);
    byte[] event =
        ("{\"event_id\":\"stripe:evt_big\",\"provider\":\"stripe\",\"provider_event_id\":\"e\","
                + "\"event_type\":\"payment.succeeded\",\"customer_id\":\""
                + customer
                + "\",\"amount_cents\":100,\"currency\":\"USD\",\"status\":\"succeeded\","
                + "\"provider_created_at\":\"2026-01-01T00:00:00Z\","
                + "\"processed_at\":\"2026-01-01T00:00:00Z\"}")
            .getBytes(StandardCharsets.UTF_8);

    QuarantinedRecord record = review(bounded.decode(record(INPUT, 22, event)));

    assertThat(record.failureReason()).isEqualTo("RECORD_TOO_LARGE");
    assertThat(record.validationErrors().get(0).message()).contains("enrichment requests");
  }

  /** Records up to 1000 bytes, workflows carrying up to 2048, prefixes of 10. */
  private RecordDecoder decoderWithATightInputBound() {
    BridgeProperties tight =
        TestProperties.withInputBound(
            DataSize.ofBytes(1000), DataSize.ofBytes(2048), DataSize.ofBytes(10));
    return new RecordDecoder(
        tight,
        new PoisonRecordHandler(new BridgeMetrics(registry), tight),
        new WorkflowInputBound(Payloads.converter(), tight));
  }

  private static ConsumerRecord<byte[], RawValue> record(String topic, long offset, byte[] value) {
    return new ConsumerRecord<>(topic, 0, offset, null, RawValue.of(value));
  }

  private static QuarantinedRecord review(WorkflowStart start) {
    assertThat(start.workflowType()).isEqualTo("DLQReviewWorkflow");
    return start.record();
  }
}
