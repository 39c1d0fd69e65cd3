package io.paymentflow.bridge.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.paymentflow.bridge.poison.Poison;
import io.paymentflow.bridge.poison.PoisonRecordException;
import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.QuarantineReason;
import io.paymentflow.contracts.event.QuarantinedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuarantineReaderTest {

  private static final KafkaCoordinates READ_AT =
      new KafkaCoordinates("payments.validation.dlq", 2, 41);

  @Test
  void readsTheNormalizersQuarantinePayloadAndWhereTheBridgeReadIt() throws Exception {
    QuarantinedRecord record =
        QuarantineReader.read(
            """
            {"event_id":null,"provider":"stripe","provider_event_id":"evt_x",\
            "original_payload":"{\\"id\\": \\"evt_x\\", \\"data\\": {}}",\
            "validation_errors":[{"field":"data.object.currency","code":"INVALID_CURRENCY",\
            "message":"currency xx"}],"failure_reason":"INVALID_CURRENCY",\
            "source_topic":"webhooks.stripe","kafka_partition":3,"kafka_offset":9000000000,\
            "quarantined_at":"2024-05-01T10:15:30.5+00:00","schema_version":1,"extra":true}""",
            READ_AT);

    assertThat(record.eventId()).isNull();
    assertThat(record.originalPayload()).isEqualTo("{\"id\": \"evt_x\", \"data\": {}}");
    assertThat(record.payloadEncoding()).isEqualTo(PayloadEncoding.UTF8);
    assertThat(record.validationErrors())
        .containsExactly(new FieldError("data.object.currency", "INVALID_CURRENCY", "currency xx"));
    assertThat(record.failureReason()).isEqualTo("INVALID_CURRENCY");
    assertThat(record.sourceTopic()).isEqualTo("webhooks.stripe");
    assertThat(record.kafkaPartition()).isEqualTo(3);
    assertThat(record.kafkaOffset()).isEqualTo(9_000_000_000L);
    assertThat(record.readAt()).isEqualTo(READ_AT);
  }

  @Test
  void aBlankEventIdMeansNoEventIdAndAMissingReasonIsUnknown() throws Exception {
    QuarantinedRecord record =
        QuarantineReader.read("{\"event_id\":\" \",\"original_payload\":\"x\"}", READ_AT);

    assertThat(record.eventId()).isNull();
    assertThat(record.failureReason()).isEqualTo("UNKNOWN_ERROR");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"event_id\":\"a:1\"}",
        "{\"event_id\":\"a:1\",\"original_payload\":{\"id\":1}}",
        "{\"event_id\":\"a:1\",\"original_payload\":\"x\",\"validation_errors\":{}}",
        "{\"event_id\":\"a:1\",\"original_payload\":\"x\",\"validation_errors\":[\"bad\"]}",
        "{\"event_id\":\"a:1\",\"original_payload\":\"x\",\"validation_errors\":[{\"code\":7}]}",
        "{\"event_id\":\"a:1\",\"original_payload\":\"x\",\"kafka_offset\":\"12\"}",
        "{\"event_id\":\"a:1\",\"original_payload\":\"x\",\"quarantined_at\":\"now\"}"
      })
  void aPayloadThatBreaksItsContractIsAnInvalidFieldThatKeepsTheEventId(String text) {
    Poison poison = poisonOf(text);

    assertThat(poison.reason()).isEqualTo(QuarantineReason.INVALID_FIELD);
    assertThat(poison.eventId()).isEqualTo("a:1");
  }

  @Test
  void aPayloadThatIsNotAnObjectIsInvalidJson() {
    assertThat(poisonOf("[1]").reason()).isEqualTo(QuarantineReason.INVALID_JSON);
    assertThat(poisonOf("{\"event_id\":").reason()).isEqualTo(QuarantineReason.INVALID_JSON);
  }

  @Test
  void aPayloadTheRowCouldNotHoldExactlyIsQuarantinedAsARecordOfItsOwn() {
    Poison nul = poisonOf("{\"original_payload\":\"a\\u0000b\"}");
    Poison timestamp =
        poisonOf("{\"original_payload\":\"x\",\"quarantined_at\":\"+300000-01-01T00:00:00Z\"}");

    assertThat(nul.reason()).isEqualTo(QuarantineReason.INVALID_FIELD);
    assertThat(nul.errors())
        .containsExactly(
            new FieldError(
                "original_payload",
                "NUL_CHARACTER",
                "original_payload holds U+0000 (NUL), which PostgreSQL text and jsonb cannot store"));
    assertThat(timestamp.errors()).extracting(FieldError::field).containsExactly("quarantined_at");
  }

  private static Poison poisonOf(String text) {
    return catchThrowableOfType(
            PoisonRecordException.class, () -> QuarantineReader.read(text, READ_AT))
        .poison();
  }
}
