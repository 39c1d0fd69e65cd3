package io.paymentflow.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableEventTest {

  @Test
  void aContractEventHasNoProblem() {
    assertThat(StorableEvent.problems(event("stripe:evt_1", "USD", Map.of()))).isEmpty();
  }

  @Test
  void eventIdMayTakeTheWorkflowIdToExactly255Characters() {
    String longest = "e".repeat(StorableEvent.MAX_EVENT_ID_LENGTH);

    assertThat(StorableEvent.eventIdProblem(longest)).isNull();
    assertThat(("payment-" + longest).length()).isEqualTo(255);
    assertThat(StorableEvent.eventIdProblem(longest + "e").code()).isEqualTo("TOO_LONG");
  }

  @Test
  void eventIdLengthCountsCharactersNotUtf16Units() {
    String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units

    assertThat(StorableEvent.eventIdProblem(emoji.repeat(247))).isNull();
    assertThat(StorableEvent.eventIdProblem(emoji.repeat(248)).code()).isEqualTo("TOO_LONG");
  }

  @Test
  void blankOrNulEventIdIsRefused() {
    assertThat(StorableEvent.eventIdProblem(" ").code()).isEqualTo("MISSING_EVENT_ID");
    assertThat(StorableEvent.eventIdProblem("a\u0000b").code()).isEqualTo("NUL_CHARACTER");
  }

  @Test
  void currencyMustFillItsChar3Column() {
    assertThat(codes(event("e:1", "USDX", Map.of()))).containsExactly("currency:INVALID_LENGTH");
    assertThat(codes(event("e:1", "US", Map.of()))).containsExactly("currency:INVALID_LENGTH");
    assertThat(codes(event("e:1", null, Map.of()))).isEmpty();
    assertThat(codes(event("e:1", "\u20AC\u20AC\u20AC", Map.of()))).isEmpty();
  }

  @Test
  void everyTextFieldAndMetadataKeyAndStringIsChecked() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("note", "a\u0000b");
    metadata.put("k\u0000", "v");
    metadata.put("list", List.of("ok", "\uD800"));
    PaymentEvent event =
        new PaymentEvent(
            "e:1",
            "stripe\u0000",
            null,
            null,
            null,
            null,
            1L,
            "USD",
            null,
            null,
            null,
            null,
            null,
            "abc\u0000def",
            metadata,
            null,
            null,
            1);

    assertThat(codes(event))
        .containsExactly(
            "provider:NUL_CHARACTER",
            "failure_message:NUL_CHARACTER",
            "metadata.note:NUL_CHARACTER",
            "metadata.k\uFFFD:NUL_CHARACTER",
            "metadata.list[1]:UNPAIRED_SURROGATE");
  }

  @Test
  void fieldPathsNeverCarryTheCharactersTheyReport() {
    PaymentEvent event = event("e:1", "USD", Map.of("k\u0000\uD800", "v"));

    assertThat(StorableEvent.problems(event))
        .allSatisfy(e -> assertThat(StorableText.problem(e.field())).isNull());
  }

  @Test
  void timestampsOutsidePostgresRangeOrUnparsableAreRefused() {
    assertThat(timestampCode("+300000-01-01T00:00:00Z")).isEqualTo("OUT_OF_RANGE");
    assertThat(timestampCode("-5000-01-01T00:00:00Z")).isEqualTo("OUT_OF_RANGE");
    assertThat(timestampCode("2026-01-01T00:00:00")).isEqualTo("INVALID_TIMESTAMP");
    assertThat(timestampCode("2026-01-01T00:00:00+17:30")).isNull();
  }

  @Test
  void metadataNumbersMustFitJsonbNumeric() {
    BigDecimal tooLarge = new BigDecimal(BigInteger.ONE, -StorableEvent.MAX_NUMERIC_INTEGER_DIGITS);
    BigDecimal largest =
        new BigDecimal(BigInteger.ONE, -(StorableEvent.MAX_NUMERIC_INTEGER_DIGITS - 1));
    BigDecimal tooFine =
        new BigDecimal(BigInteger.ONE, StorableEvent.MAX_NUMERIC_FRACTION_DIGITS + 1);

    assertThat(codes(event("e:1", "USD", Map.of("n", largest)))).isEmpty();
    assertThat(codes(event("e:1", "USD", Map.of("n", tooLarge))))
        .containsExactly("metadata.n:OUT_OF_RANGE");
    assertThat(codes(event("e:1", "USD", Map.of("n", tooFine))))
        .containsExactly("metadata.n:OUT_OF_RANGE");
    assertThat(codes(event("e:1", "USD", Map.of("n", Double.POSITIVE_INFINITY))))
        .containsExactly("metadata.n:OUT_OF_RANGE");
  }

  @Test
  void retryAttemptCountMustBeA32BitWholeNumber() {
    assertThat(codes(event("e:1", "USD", Map.of("retry_attempt_count", 3)))).isEmpty();
    assertThat(codes(event("e:1", "USD", Map.of("retry_attempt_count", 3_000_000_000L))))
        .containsExactly("metadata.retry_attempt_count:OUT_OF_RANGE");
    assertThat(codes(event("e:1", "USD", Map.of("retry_attempt_count", "3"))))
        .containsExactly("metadata.retry_attempt_count:INVALID_TYPE");
    assertThat(codes(event("e:1", "USD", Map.of("retry_attempt_count", new BigDecimal("2.5")))))
        .containsExactly("metadata.retry_attempt_count:INVALID_TYPE");
  }

  @Test
  void attemptCountSentToTheServiceIsAtLeastOne() {
    assertThat(event("e:1", "USD", Map.of()).retryAttemptCount()).isEqualTo(1);
    assertThat(event("e:1", "USD", Map.of("retry_attempt_count", 0)).retryAttemptCount())
        .isEqualTo(1);
    assertThat(event("e:1", "USD", Map.of("retry_attempt_count", -4)).retryAttemptCount())
        .isEqualTo(1);
    assertThat(event("e:1", "USD", Map.of("retry_attempt_count", 3)).retryAttemptCount())
        .isEqualTo(3);
  }

  private static String timestampCode(String value) {
    PaymentEvent event =
        new PaymentEvent(
            "e:1", null, null, null, null, null, 1L, "USD", null, null, null, null, null, null,
            Map.of(), value, null, 1);
    List<String> codes = codes(event);
    return codes.isEmpty() ? null : codes.get(0).substring(codes.get(0).indexOf(':') + 1);
  }

  private static List<String> codes(PaymentEvent event) {
    return StorableEvent.problems(event).stream().map(e -> e.field() + ":" + e.code()).toList();
  }

  private static PaymentEvent event(String eventId, String currency, Map<String, Object> metadata) {
    return new PaymentEvent(
        eventId,
        "stripe",
        "evt_1",
        "payment.succeeded",
        "merch_1",
        "cus_1",
        100L,
        currency,
        "card",
        "visa",
        "4242",
        "succeeded",
        null,
        null,
        metadata,
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:01.000001+00:00",
        1);
  }
}
