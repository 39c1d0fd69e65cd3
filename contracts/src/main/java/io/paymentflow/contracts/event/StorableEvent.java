package io.paymentflow.contracts.event;

import io.paymentflow.contracts.Payloads;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What makes a {@link PaymentEvent} one {@code payment_events} row and one workflow: every value
 * must fit its column of the Liquibase schema (changeset 001) and the event id must fit Temporal's
 * workflow id. The bridge quarantines an event that breaks a rule (reason {@code INVALID_FIELD},
 * one {@link FieldError} per field), the database worker refuses it as a last check, and a review's
 * corrected event must pass it before it is run: one definition, so the three cannot disagree.
 *
 * <ul>
 *   <li>{@code event_id}: present, at most {@value #MAX_EVENT_ID_LENGTH} characters, so that {@code
 *       payment-{event_id}} fits the 255 characters of Temporal's SQL persistence (and {@code
 *       varchar(255)}).
 *   <li>Every text field, every metadata key and string: {@link StorableText} (no NUL, no unpaired
 *       surrogate).
 *   <li>{@code currency}: {@code char(3)}, so exactly {@value #CURRENCY_LENGTH} characters when
 *       present (a shorter code would be padded, a longer one refused).
 *   <li>{@code provider_created_at}, {@code processed_at}: {@link StorableTimestamp}.
 *   <li>{@code metadata} numbers: what {@code jsonb}'s numeric holds, at most {@value
 *       #MAX_NUMERIC_INTEGER_DIGITS} digits before the point and {@value
 *       #MAX_NUMERIC_FRACTION_DIGITS} after, and what Temporal's converter reads back once it has
 *       written them, at most {@value Payloads#MAX_NUMBER_LENGTH} digits in its notation ({@link
 *       Payloads#writtenNumberLength}); {@code metadata.retry_attempt_count}, the one typed
 *       metadata field (CONTRACTS section 6), a whole number in the 32-bit range.
 * </ul>
 *
 * <p>{@code amount_cents} ({@code bigint}) and {@code schema_version} ({@code integer}) are held by
 * the record's own {@code Long} and {@code Integer}: a JSON number past them is refused as it is
 * read, before any rule here applies.
 */
public final class StorableEvent {

  /** {@code payment-} (8 characters) plus this fits Temporal's 255. */
  public static final int MAX_EVENT_ID_LENGTH = 247;

  public static final int CURRENCY_LENGTH = 3;

  public static final int MAX_NUMERIC_INTEGER_DIGITS = 131_072;
  public static final int MAX_NUMERIC_FRACTION_DIGITS = 16_383;

  private static final String RETRY_ATTEMPT_COUNT = "retry_attempt_count";

  /** A BigDecimal's scale is an int: its exponent has at most 10 digits. */
  private static final int MAX_EXPONENT_DIGITS = 10;

  private static final double LOG10_2 = Math.log10(2);

  private StorableEvent() {}

  /** Every rule {@code event} breaks, in field order; empty when it can be stored and run. */
  public static List<FieldError> problems(PaymentEvent event) {
    List<FieldError> problems = new ArrayList<>();
    FieldError eventId = eventIdProblem(event.eventId());
    if (eventId != null) {
      problems.add(eventId);
    }
    text(problems, "provider", event.provider());
    text(problems, "provider_event_id", event.providerEventId());
    text(problems, "event_type", event.eventType());
    text(problems, "merchant_id", event.merchantId());
    text(problems, "customer_id", event.customerId());
    currency(problems, event.currency());
    text(problems, "payment_method_type", event.paymentMethodType());
    text(problems, "card_brand", event.cardBrand());
    text(problems, "card_last_four", event.cardLastFour());
    text(problems, "status", event.status());
    text(problems, "failure_code", event.failureCode());
    text(problems, "failure_message", event.failureMessage());
    metadata(problems, event.metadata());
    timestamp(problems, "provider_created_at", event.providerCreatedAt());
    timestamp(problems, "processed_at", event.processedAt());
    return problems;
  }

  /** The event id rule alone: null when {@code eventId} is usable as the row's and the id's key. */
  public static FieldError eventIdProblem(String eventId) {
    if (eventId == null || eventId.isBlank()) {
      return new FieldError(
          "event_id", FieldError.MISSING_EVENT_ID, "event_id is missing or blank");
    }
    String text = StorableText.problem(eventId);
    if (text != null) {
      return new FieldError("event_id", text, StorableText.describe("event_id", text));
    }
    int length = StorableText.length(eventId);
    if (length > MAX_EVENT_ID_LENGTH) {
      return new FieldError(
          "event_id",
          FieldError.TOO_LONG,
          "event_id has "
              + length
              + " characters; at most "
              + MAX_EVENT_ID_LENGTH
              + " fit the workflow id payment-{event_id}");
    }
    return null;
  }

  private static void text(List<FieldError> problems, String field, String value) {
    StorableText.check(problems, field, value);
  }

  private static void currency(List<FieldError> problems, String currency) {
    int before = problems.size();
    text(problems, "currency", currency);
    if (currency != null
        && problems.size() == before
        && StorableText.length(currency) != CURRENCY_LENGTH) {
      problems.add(
          new FieldError(
              "currency",
              FieldError.INVALID_LENGTH,
              "currency has "
                  + StorableText.length(currency)
                  + " characters; the column holds exactly "
                  + CURRENCY_LENGTH));
    }
  }

  private static void timestamp(List<FieldError> problems, String field, String value) {
    try {
      StorableTimestamp.parse(value);
    } catch (StorableTimestamp.Invalid e) {
      problems.add(new FieldError(field, e.code(), field + ": " + e.getMessage()));
    }
  }

  private static void metadata(List<FieldError> problems, Map<String, Object> metadata) {
    value(problems, "metadata", metadata);
    Object attempts = metadata.get(RETRY_ATTEMPT_COUNT);
    String field = "metadata." + RETRY_ATTEMPT_COUNT;
    if (attempts == null) {
      return;
    }
    if (attempts instanceof Long || attempts instanceof BigInteger) {
      // Jackson gives a Long or BigInteger only to whole numbers past the 32-bit range.
      problems.add(
          new FieldError(
              field,
              FieldError.OUT_OF_RANGE,
              field + " " + attempts + " is outside the 32-bit range of attempt_count"));
    } else if (!(attempts instanceof Integer)) {
      problems.add(
          new FieldError(
              field,
              FieldError.INVALID_TYPE,
              field + " must be a whole number, found " + attempts));
    }
  }

  /** A metadata value at {@code path}: maps, lists, strings, numbers, booleans and nulls. */
  private static void value(List<FieldError> problems, String path, Object value) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String keyProblem = StorableText.problem(key);
        String at = path + "." + StorableText.sanitized(key);
        if (keyProblem != null) {
          problems.add(
              new FieldError(at, keyProblem, StorableText.describe(at + " (key)", keyProblem)));
        }
        value(problems, at, entry.getValue());
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        value(problems, path + "[" + i + "]", list.get(i));
      }
    } else if (value instanceof String text) {
      text(problems, path, text);
    } else if (value instanceof Number number && !fitsNumeric(number)) {
      problems.add(
          new FieldError(
              path,
              FieldError.OUT_OF_RANGE,
              path
                  + " is a number jsonb cannot hold (at most "
                  + MAX_NUMERIC_INTEGER_DIGITS
                  + " digits before the point and "
                  + MAX_NUMERIC_FRACTION_DIGITS
                  + " after)"));
    } else if (value instanceof Number number && !fitsConverter(number)) {
      problems.add(
          new FieldError(
              path,
              FieldError.OUT_OF_RANGE,
              path
                  + " has more than "
                  + Payloads.MAX_NUMBER_LENGTH
                  + " digits as Temporal's converter writes it, which no worker could read back"));
    }
  }

  /**
   * Whether the converter reads {@code number} back once it has written it. Its written form has at
   * most the number's significant digits and an exponent of at most 10, so only a number close to
   * the bound is written out to be counted.
   */
  private static boolean fitsConverter(Number number) {
    int significant;
    if (number instanceof BigDecimal d) {
      significant = d.precision();
    } else if (number instanceof BigInteger i) {
      significant = (int) (i.bitLength() * LOG10_2) + 1;
    } else {
      return true; // Integer, Long, Double: at most 25 digits written
    }
    return significant + MAX_EXPONENT_DIGITS < Payloads.MAX_NUMBER_LENGTH
        || Payloads.writtenNumberLength(number) <= Payloads.MAX_NUMBER_LENGTH;
  }

  private static boolean fitsNumeric(Number number) {
    BigDecimal decimal;
    if (number instanceof BigDecimal d) {
      decimal = d;
    } else if (number instanceof BigInteger i) {
      decimal = new BigDecimal(i);
    } else if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return false;
      }
      decimal = BigDecimal.valueOf(d);
    } else {
      return true; // Integer, Long, Short, Byte
    }
    int integerDigits = decimal.precision() - decimal.scale();
    return integerDigits <= MAX_NUMERIC_INTEGER_DIGITS
        && decimal.scale() <= MAX_NUMERIC_FRACTION_DIGITS;
  }
}
