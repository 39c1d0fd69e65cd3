package io.paymentflow.bridge.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.paymentflow.bridge.poison.Poison;
import io.paymentflow.bridge.poison.PoisonRecordException;
import io.paymentflow.bridge.support.Events;
import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.QuarantineReason;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentEventReaderTest {

  @Test
  void readsEveryFieldOfANormalizedEvent() throws Exception {
    PaymentEvent event = PaymentEventReader.read(Events.json("stripe:evt_1abc"));

    assertThat(event.eventId()).isEqualTo("stripe:evt_1abc");
    assertThat(event.providerEventId()).isEqualTo("evt_1abc");
    assertThat(event.amountCents()).isEqualTo(2599L);
    assertThat(event.currency()).isEqualTo("USD");
    assertThat(event.failureCode()).isNull();
    assertThat(event.metadata()).containsEntry("order", "ord_9");
    assertThat(event.retryAttemptCount()).isEqualTo(1);
    assertThat(event.providerCreatedAt()).isEqualTo("2024-05-01T10:15:30Z");
    assertThat(event.processedAt()).isEqualTo("2024-05-01T10:15:31.123456+00:00");
    assertThat(event.schemaVersion()).isEqualTo(1);
  }

  @Test
  void ignoresUnknownFieldsAndLeavesMissingOnesToTheBusinessRules() throws Exception {
    PaymentEvent event =
        PaymentEventReader.read(
            """
            {"event_id":"adyen:1","future_field":{"x":[1,2]},"amount_cents":0}""");

    assertThat(event.eventId()).isEqualTo("adyen:1");
    assertThat(event.provider()).isNull();
    assertThat(event.status()).isNull();
    assertThat(event.metadata()).isEmpty();
    assertThat(event.schemaVersion()).isEqualTo(1);
  }

  @Test
  void keepsTheExactDigitsOfDecimalsInMetadata() throws Exception {
    PaymentEvent event =
        PaymentEventReader.read(
            """
            {"event_id":"a:1","metadata":{"rate":0.10,"big":12345678901234567890}}""");

    assertThat(event.metadata().get("rate")).isEqualTo(new BigDecimal("0.10"));
    assertThat(event.metadata().get("big").toString()).isEqualTo("12345678901234567890");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"event_id\":\"stripe:evt_1\",\"amount_cents\":",
        "[{\"event_id\":\"stripe:evt_1\"}]",
        "42",
        "\"stripe:evt_1\"",
        "",
        "{\"event_id\":\"a:1\"} trailing",
        "{\"event_id\":\"a:1\",\"event_id\":\"a:2\"}",
        "{event_id: 'a:1'}"
      })
  void whatIsNotOneJsonObjectIsInvalidJson(String text) {
    Poison poison = poisonOf(text);

    assertThat(poison.reason()).isEqualTo(QuarantineReason.INVALID_JSON);
    assertThat(poison.eventId()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"provider\":\"stripe\"}",
        "{\"event_id\":null}",
        "{\"event_id\":\"   \"}",
        "{\"event_id\":\"\",\"amount_cents\":\"12\"}"
      })
  void anAbsentOrBlankEventIdIsMissing(String text) {
    Poison poison = poisonOf(text);

    assertThat(poison.reason()).isEqualTo(QuarantineReason.MISSING_EVENT_ID);
    assertThat(poison.errors().get(0).code()).isEqualTo("MISSING_EVENT_ID");
    assertThat(poison.eventId()).isNull();
  }

  @Test
  void anEventIdThatIsNotAStringOrTooLongIsAnInvalidFieldWithoutAnEventId() {
    assertThat(poisonOf("{\"event_id\":123}").reason()).isEqualTo(QuarantineReason.INVALID_FIELD);
    Poison tooLong = poisonOf("{\"event_id\":\"" + "x".repeat(248) + "\"}");
    assertThat(tooLong.reason()).isEqualTo(QuarantineReason.INVALID_FIELD);
    assertThat(tooLong.errors()).extracting(FieldError::code).containsExactly("TOO_LONG");
    assertThat(tooLong.eventId()).as("no workflow id could hold it").isNull();
  }

  @Test
  void anEventIdWhoseWorkflowIdIsExactly255CharactersIsFine() throws Exception {
    String eventId = "x".repeat(247);
    assertThat(PaymentEventReader.read("{\"event_id\":\"" + eventId + "\"}").eventId())
        .isEqualTo(eventId);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "failure_message|\"abc\\u0000def\"|failure_message|NUL_CHARACTER",
        "metadata|{\"note\":\"a\\u0000b\"}|metadata.note|NUL_CHARACTER",
        "metadata|{\"k\\u0000\":1}|metadata.k\uFFFD|NUL_CHARACTER",
        "customer_id|\"\\ud800\"|customer_id|UNPAIRED_SURROGATE",
        "currency|\"USDX\"|currency|INVALID_LENGTH",
        "provider_created_at|\"+300000-01-01T00:00:00Z\"|provider_created_at|OUT_OF_RANGE",
        "metadata|{\"retry_attempt_count\":99999999999}|metadata.retry_attempt_count|OUT_OF_RANGE",
        "metadata|{\"n\":1e200000}|metadata.n|OUT_OF_RANGE",
      })
  void aValueItsColumnCannotHoldIsAnInvalidFieldNamingTheField(
      String field, String json, String reported, String code) {
    Poison poison = poisonOf("{\"event_id\":\"stripe:evt_9\",\"" + field + "\":" + json + "}");

    assertThat(poison.reason()).isEqualTo(QuarantineReason.INVALID_FIELD);
    assertThat(poison.errors()).containsExactly(poison.errors().get(0));
    assertThat(poison.errors().get(0).field()).isEqualTo(reported);
    assertThat(poison.errors().get(0).code()).isEqualTo(code);
    assertThat(poison.eventId()).as("still usable").isEqualTo("stripe:evt_9");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "amount_cents|\"2599\"",
        "amount_cents|25.99",
        "amount_cents|2599.0",
        "amount_cents|1e3",
        "amount_cents|99999999999999999999",
        "currency|840",
        "status|true",
        "customer_id|{}",
        "metadata|[]",
        "metadata|\"{}\"",
        "provider_created_at|\"yesterday\"",
        "provider_created_at|\"2024-05-01T10:15:30\"",
        "processed_at|\"2024-13-01T10:15:30Z\"",
        "processed_at|1714558530",
        "schema_version|\"1\""
      })
  void aFieldOfTheWrongTypeIsAnInvalidFieldThatKeepsTheEventId(String field, String json) {
    Poison poison = poisonOf("{\"event_id\":\"stripe:evt_9\",\"" + field + "\":" + json + "}");

    assertThat(poison.reason()).isEqualTo(QuarantineReason.INVALID_FIELD);
    assertThat(poison.errors()).extracting(FieldError::field).containsExactly(field);
    assertThat(poison.eventId()).isEqualTo("stripe:evt_9");
  }

  @Test
  void everyInvalidFieldIsReported() {
    Poison poison =
        poisonOf(
            """
            {"event_id":"stripe:evt_9","provider":"stripe","amount_cents":"1",\
            "currency":1,"metadata":[]}""");

    assertThat(poison.errors())
        .extracting(FieldError::field)
        .containsExactly("amount_cents", "currency", "metadata");
    assertThat(poison.provider()).isEqualTo("stripe");
  }

  private static Poison poisonOf(String text) {
    return catchThrowableOfType(PoisonRecordException.class, () -> PaymentEventReader.read(text))
        .poison();
  }
}
