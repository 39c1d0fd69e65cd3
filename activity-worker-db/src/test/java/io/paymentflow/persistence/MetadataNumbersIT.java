package io.paymentflow.persistence;

import static io.paymentflow.persistence.TestEvents.enriched;
import static io.paymentflow.persistence.TestEvents.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.contracts.Payloads;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.StorableEvent;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.temporal.common.converter.DataConverter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The metadata number rule of {@code StorableEvent} against the writers a number really meets on
 * its way to PostgreSQL, not copies of their limits: Temporal's converter as every app has it
 * ({@link Payloads#converter()}, the activity's input as the worker decodes it), this worker's own
 * JSON writer ({@link JsonColumns}) and the jsonb column. Every number the rule accepts becomes a
 * row holding exactly that number; every number it refuses for jsonb's sake is one PostgreSQL
 * refuses too. (The converter's side alone: contracts' {@code StorableNumbersTest}.)
 */
@DbWorkerTest
class MetadataNumbersIT {

  private static final DataConverter CONVERTER = Payloads.converter();

  @Autowired PersistenceActivities activities;
  @Autowired JsonColumns json;
  @Autowired JdbcClient jdbc;

  @Test
  void everyNumberTheRuleAcceptsIsStoredExactlyAndJsonbRefusesTheOthersItRefuses() {
    List<String> disagreements = new ArrayList<>();
    int stored = 0;
    int refused = 0;
    for (BigDecimal number : numbersAroundTheLimits()) {
      PaymentEvent event = withNumber(uniqueEventId(), number);
      if (StorableEvent.problems(event).isEmpty()) {
        String problem = storedExactly(event, number);
        if (problem != null) {
          disagreements.add(describe(number) + ": accepted, but " + problem);
        }
        stored++;
      } else {
        refused++;
        if (fitsConverter(number) && jsonbHolds(number)) {
          disagreements.add(describe(number) + ": refused, yet every writer takes it");
        }
      }
    }
    System.out.printf("metadata numbers: %d stored exactly, %d refused%n", stored, refused);

    assertThat(disagreements).isEmpty();
    assertThat(stored).isPositive();
    assertThat(refused).isPositive();
  }

  /** The review's example: plain notation refused a scale past ±9999 in both tables. */
  @Test
  void oneFollowedByTenThousandZerosIsARow() {
    String eventId = uniqueEventId();
    BigDecimal number = new BigDecimal("1e10000");

    assertThat(storedExactly(withNumber(eventId, number), number)).isNull();
  }

  /** Through the converter, as the worker receives it, then the activity; null when exact. */
  private String storedExactly(PaymentEvent event, BigDecimal number) {
    EnrichedPaymentEvent sent = enriched(event, null, null, null, List.of());
    EnrichedPaymentEvent received;
    try {
      received =
          CONVERTER.fromPayloads(
              0,
              CONVERTER.toPayloads(sent),
              EnrichedPaymentEvent.class,
              EnrichedPaymentEvent.class);
    } catch (RuntimeException e) {
      return "the converter cannot bring it back: " + e.getMessage();
    }
    try {
      activities.persistPaymentEvent(received);
    } catch (RuntimeException e) {
      return "the row was refused: " + e.getMessage();
    }
    Boolean exact =
        jdbc.sql(
                "SELECT (metadata->>'n')::numeric = CAST(? AS numeric) FROM payment_events"
                    + " WHERE event_id = ?")
            .params(number.toString(), event.eventId())
            .query(Boolean.class)
            .single();
    return Boolean.TRUE.equals(exact) ? null : "the row holds another number";
  }

  private static boolean fitsConverter(BigDecimal number) {
    return Payloads.writtenNumberLength(number) <= Payloads.MAX_NUMBER_LENGTH;
  }

  /** Whether the jsonb column takes the number as this worker's writer writes it. */
  private boolean jsonbHolds(BigDecimal number) {
    try {
      jdbc.sql("SELECT CAST(? AS jsonb)").param(json.write(Map.of("n", number))).query().rowSet();
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  /**
   * One and many significant digits, at scales around jsonb's limits (131,072 digits before the
   * point, 16,383 after), the plain-notation writer's old ±9,999, and the converter's 1,000 digits.
   */
  private static List<BigDecimal> numbersAroundTheLimits() {
    List<BigDecimal> numbers = new ArrayList<>();
    int[] scales = {
      -(StorableEvent.MAX_NUMERIC_INTEGER_DIGITS),
      -(StorableEvent.MAX_NUMERIC_INTEGER_DIGITS - 1),
      -10_000,
      -9_999,
      -1,
      0,
      9_999,
      10_000,
      StorableEvent.MAX_NUMERIC_FRACTION_DIGITS,
      StorableEvent.MAX_NUMERIC_FRACTION_DIGITS + 1
    };
    for (int digits : new int[] {1, 17, 990, 996, 997, 998}) {
      BigInteger unscaled = BigInteger.TEN.pow(digits).subtract(BigInteger.ONE);
      for (int scale : scales) {
        numbers.add(new BigDecimal(unscaled, scale));
      }
    }
    return numbers;
  }

  private static String describe(BigDecimal number) {
    return "precision " + number.precision() + " scale " + number.scale();
  }

  private static PaymentEvent withNumber(String eventId, BigDecimal number) {
    return TestEvents.event(eventId, Map.of("n", number));
  }
}
