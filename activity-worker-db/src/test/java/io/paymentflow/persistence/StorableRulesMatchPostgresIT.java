package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.paymentflow.contracts.event.StorableEvent;
import io.paymentflow.contracts.event.StorableText;
import io.paymentflow.contracts.event.StorableTimestamp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits {@code StorableEvent} and its parts use are PostgreSQL's own: each rule's last allowed
 * value is stored, and the first one past it is refused, by the server the rows go to. If an
 * upgrade moved a limit, this fails rather than the rules silently disagreeing with the columns.
 */
class StorableRulesMatchPostgresIT {

  private Connection db;

  @BeforeEach
  void connect() throws SQLException {
    db =
        DriverManager.getConnection(
            LiquibaseChangelogIT.URL,
            env("TEMPORAL_WORKER_POSTGRES_USER", "payments"),
            env("TEMPORAL_WORKER_POSTGRES_PASSWORD", "payments"));
    db.createStatement()
        .execute(
            "CREATE TEMP TABLE limits (id varchar(255), currency char(3), t text,"
                + " at timestamptz, j jsonb)");
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  @Test
  void timestampRangeIsWhatPostgresAndItsDriverStoreAsThemselves() throws SQLException {
    assertThat(roundTrip(StorableTimestamp.MIN)).isEqualTo("4713-01-01 00:00:00+00 BC");
    assertThat(roundTrip(StorableTimestamp.MAX)).isEqualTo("294276-12-31 23:59:59.999999+00");
    assertThat(refusal("at", StorableTimestamp.MAX.plus(1, ChronoUnit.MICROS))).isEqualTo("22008");
    // Before the range, the driver does not fail: it silently writes -infinity.
    assertThat(roundTrip(StorableTimestamp.MIN.minus(1, ChronoUnit.MICROS))).isEqualTo("-infinity");
  }

  @Test
  void offsetsPostgresRefusesAsTextAreStoredAsTheirInstant() throws SQLException {
    String written = "2026-01-15T10:30:00+17:59";
    assertThat(refusalOfText("at", written)).startsWith("22");
    assertThatCode(() -> store("at", StorableTimestamp.parse(written))).doesNotThrowAnyException();
  }

  @Test
  void eventIdAndCurrencyLengthsCountCharacters() {
    String emoji = "\uD83D\uDE00";
    assertThatCode(() -> store("id", emoji.repeat(255))).doesNotThrowAnyException();
    assertThat(refusal("id", emoji.repeat(256))).isEqualTo("22001");
    assertThat(StorableEvent.MAX_EVENT_ID_LENGTH).isLessThan(255);
    assertThatCode(() -> store("currency", "\u20AC\u20AC\u20AC")).doesNotThrowAnyException();
    assertThat(refusal("currency", "USDX")).isEqualTo("22001");
  }

  @Test
  void textThatStorableTextRefusesIsRefusedByPostgres() {
    assertThat(StorableText.problem("a\u0000b")).isNotNull();
    assertThat(refusal("t", "a\u0000b")).isEqualTo("22021");
    assertThat(refusalOfText("j", "{\"k\":\"a\\u0000b\"}")).isEqualTo("22P05");
    assertThat(refusalOfText("j", "{\"k\":\"\\ud800\"}")).startsWith("22");
  }

  @Test
  void jsonbNumbersHoldExactlyTheDigitsStorableEventAllows() {
    String integer = "9".repeat(StorableEvent.MAX_NUMERIC_INTEGER_DIGITS);
    String fraction = "0." + "9".repeat(StorableEvent.MAX_NUMERIC_FRACTION_DIGITS);
    assertThatCode(() -> storeText("j", "{\"n\":" + integer + "}")).doesNotThrowAnyException();
    assertThatCode(() -> storeText("j", "{\"n\":" + fraction + "}")).doesNotThrowAnyException();
    assertThat(refusalOfText("j", "{\"n\":" + integer + "9}")).startsWith("22");
    assertThat(refusalOfText("j", "{\"n\":" + fraction + "9}")).startsWith("22");
  }

  /** How PostgreSQL holds {@code time} once the driver has written it. */
  private String roundTrip(OffsetDateTime time) throws SQLException {
    try (PreparedStatement select = db.prepareStatement("SELECT CAST(? AS timestamptz)::text")) {
      select.setObject(1, time);
      try (var rows = select.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private void store(String column, Object value) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement("INSERT INTO limits (" + column + ") VALUES (?)")) {
      if (value instanceof OffsetDateTime time) {
        insert.setObject(1, time);
      } else {
        insert.setString(1, (String) value);
      }
      insert.executeUpdate();
    }
  }

  /** Through PostgreSQL's own text input, as psql or the loader would write it. */
  private void storeText(String column, String text) throws SQLException {
    String type = column.equals("j") ? "jsonb" : "timestamptz";
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO limits (" + column + ") VALUES (CAST(? AS " + type + "))")) {
      insert.setString(1, text);
      insert.executeUpdate();
    }
  }

  private String refusal(String column, Object value) {
    return catchThrowableOfType(SQLException.class, () -> store(column, value)).getSQLState();
  }

  private String refusalOfText(String column, String text) {
    return catchThrowableOfType(SQLException.class, () -> storeText(column, text)).getSQLState();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
