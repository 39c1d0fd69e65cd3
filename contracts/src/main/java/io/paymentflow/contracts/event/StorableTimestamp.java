package io.paymentflow.contracts.event;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * An event timestamp as a {@code timestamptz} column holds it (CONTRACTS sections 1.1, 5): ISO-8601
 * with an offset ({@code Z} or {@code +00:00}), within PostgreSQL's range, kept to the microsecond.
 *
 * <p>The value is stored as its instant in UTC: PostgreSQL keeps no offset, and it refuses offsets
 * beyond ±15:59 in its own input, which Java (and ISO-8601) allow up to ±18:00. Fractions finer
 * than a microsecond are rounded half up, as the driver would, so the range check sees the value
 * that is stored.
 */
public final class StorableTimestamp {

  /**
   * 4713 BC, January 1: the first instant that PostgreSQL stores (from 4714-11-24 BC) and that its
   * JDBC driver passes through as itself; the driver silently writes every instant of 4714 BC (ISO
   * year -4713) as -infinity.
   */
  public static final OffsetDateTime MIN =
      OffsetDateTime.of(-4712, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** PostgreSQL's last instant: the end of 294276 AD, to the microsecond. */
  public static final OffsetDateTime MAX =
      OffsetDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC);

  private StorableTimestamp() {}

  /** Why {@code value} is no storable timestamp (a {@link FieldError} code), or null. */
  public static String problem(String value) {
    try {
      parse(value);
      return null;
    } catch (Invalid e) {
      return e.code();
    }
  }

  /**
   * The instant {@code value} names, in UTC and to the microsecond; null for null or blank.
   *
   * @throws Invalid with its code and a message naming the value
   */
  public static OffsetDateTime parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    OffsetDateTime parsed;
    try {
      // ISO_OFFSET_DATE_TIME takes Z and +hh:mm, and years past 9999 only with a sign.
      parsed = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeException e) {
      throw new Invalid(
          FieldError.INVALID_TIMESTAMP, "expected ISO-8601 with offset, found " + value);
    }
    OffsetDateTime utc;
    try {
      utc = roundedToMicros(parsed.withOffsetSameInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      throw new Invalid(
          FieldError.OUT_OF_RANGE, value + " is outside PostgreSQL's timestamp range");
    }
    if (utc.isBefore(MIN) || utc.isAfter(MAX)) {
      throw new Invalid(
          FieldError.OUT_OF_RANGE, value + " is outside PostgreSQL's timestamp range");
    }
    return utc;
  }

  private static OffsetDateTime roundedToMicros(OffsetDateTime time) {
    OffsetDateTime truncated = time.truncatedTo(ChronoUnit.MICROS);
    return time.getNano() % 1_000 >= 500 ? truncated.plus(1, ChronoUnit.MICROS) : truncated;
  }

  /** A timestamp that cannot be stored; {@link #code()} is a {@link FieldError} code. */
  public static final class Invalid extends RuntimeException {
    private final String code;

    Invalid(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
