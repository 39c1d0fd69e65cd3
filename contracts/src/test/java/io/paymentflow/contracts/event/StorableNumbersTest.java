package io.paymentflow.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.contracts.Payloads;
import io.temporal.common.converter.DataConverter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The metadata number rule of {@link StorableEvent} against the production converter itself, not a
 * copy of its limits: every number the rule accepts goes through {@link Payloads#converter()} and
 * comes back as the same number, and every number the converter cannot bring back is refused. The
 * database side of the same rule (jsonb, through the database worker's own JSON writer) is checked
 * by the database worker's {@code MetadataNumbersIT}.
 */
class StorableNumbersTest {

  private static final DataConverter CONVERTER = Payloads.converter();

  @Test
  void everyNumberTheRuleAcceptsComesBackFromTheConverterAndNoOtherIs() {
    List<String> disagreements = new ArrayList<>();
    int accepted = 0;
    int refused = 0;
    for (Number number : numbersAroundEveryLimit()) {
      boolean storable = StorableEvent.problems(event(number)).isEmpty();
      boolean roundTrips = roundTrips(number);
      if (storable) {
        accepted++;
      } else {
        refused++;
      }
      if (storable && !roundTrips) {
        disagreements.add("accepted but lost by the converter: " + describe(number));
      }
    }
    System.out.printf("numbers around the limits: %d accepted, %d refused%n", accepted, refused);

    assertThat(disagreements).isEmpty();
    assertThat(accepted).isPositive();
    assertThat(refused).isPositive();
  }

  @Test
  void theReviewsExampleIsRefusedAndItsNeighbourAccepted() {
    // 998 nines and e1: 999 digits as sent, 1001 once the converter writes 9.99…9E+998.
    BigDecimal refused = new BigDecimal(new BigInteger("9".repeat(998)), -1);
    BigDecimal accepted = new BigDecimal(new BigInteger("9".repeat(997)), -1);

    assertThat(Payloads.writtenNumberLength(refused)).isEqualTo(1001);
    assertThat(codes(refused)).containsExactly("metadata.n:OUT_OF_RANGE");
    assertThat(Payloads.writtenNumberLength(accepted)).isEqualTo(1000);
    assertThat(codes(accepted)).isEmpty();
    assertThat(roundTrips(accepted)).isTrue();
  }

  /**
   * Runs started before the rule hold such numbers in their input; their workflow tasks failed on
   * decoding it. The converter reads them now, so they go on and end as rows.
   */
  @Test
  void inputsWrittenBeforeTheRuleDecode() {
    BigDecimal legacy = new BigDecimal(new BigInteger("9".repeat(998)), -1);

    assertThat(roundTrips(legacy)).isTrue();
  }

  @Test
  void exponentsBeyondPlainNotationAreStorable() {
    // 1e10000 and 1e-10000 broke the database worker's plain-notation writer (scale over 9999).
    assertThat(codes(new BigDecimal("1e10000"))).isEmpty();
    assertThat(codes(new BigDecimal("1e-10000"))).isEmpty();
    assertThat(roundTrips(new BigDecimal("1e10000"))).isTrue();
  }

  /** Significant digits around the converter's bound, at scales around every limit. */
  static List<Number> numbersAroundEveryLimit() {
    List<Number> numbers = new ArrayList<>();
    int[] scales = {
      -StorableEvent.MAX_NUMERIC_INTEGER_DIGITS,
      -100_000,
      -10_000,
      -9_999,
      -1_000,
      -10,
      -1,
      0,
      1,
      10,
      999,
      9_999,
      10_000,
      StorableEvent.MAX_NUMERIC_FRACTION_DIGITS,
      StorableEvent.MAX_NUMERIC_FRACTION_DIGITS + 1
    };
    for (int digits : new int[] {1, 2, 980, 985, 989, 990, 991, 995, 996, 997, 998, 999, 1000}) {
      BigInteger unscaled = new BigInteger("9".repeat(digits));
      numbers.add(unscaled);
      for (int scale : scales) {
        numbers.add(new BigDecimal(unscaled, scale));
      }
    }
    numbers.add(new BigInteger("9".repeat(1001)));
    return numbers;
  }

  private static boolean roundTrips(Number number) {
    try {
      PaymentEvent sent = event(number);
      Optional<io.temporal.api.common.v1.Payloads> payloads = CONVERTER.toPayloads(sent);
      PaymentEvent received =
          CONVERTER.fromPayloads(0, payloads, PaymentEvent.class, PaymentEvent.class);
      Object back = received.metadata().get("n");
      return back instanceof Number n && same(number, n);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean same(Number sent, Number back) {
    return new BigDecimal(sent.toString()).compareTo(new BigDecimal(back.toString())) == 0;
  }

  private static String describe(Number number) {
    if (number instanceof BigDecimal d) {
      return "BigDecimal precision " + d.precision() + " scale " + d.scale();
    }
    return number.getClass().getSimpleName() + " of " + number.toString().length() + " digits";
  }

  private static List<String> codes(Number number) {
    return StorableEvent.problems(event(number)).stream()
        .map(e -> e.field() + ":" + e.code())
        .toList();
  }

  static PaymentEvent event(Number number) {
    return new PaymentEvent(
        "e:1",
        "stripe",
        "evt_1",
        "payment.succeeded",
        null,
        null,
        100L,
        "USD",
        null,
        null,
        null,
        "succeeded",
        null,
        null,
        Map.of("n", number),
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:01Z",
        1);
  }
}
