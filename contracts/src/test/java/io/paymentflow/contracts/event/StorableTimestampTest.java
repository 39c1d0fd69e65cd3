package io.paymentflow.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class StorableTimestampTest {

  @Test
  void bothOffsetSpellingsNameTheSameUtcInstant() {
    assertThat(StorableTimestamp.parse("2026-01-15T10:30:00Z"))
        .isEqualTo(StorableTimestamp.parse("2026-01-15T12:30:00+02:00"))
        .isEqualTo(OffsetDateTime.parse("2026-01-15T10:30:00Z"));
  }

  @Test
  void offsetsPostgresWouldRefuseAreStoredAsTheirInstant() {
    assertThat(StorableTimestamp.parse("2026-01-15T10:30:00+17:59"))
        .isEqualTo(OffsetDateTime.parse("2026-01-14T16:31:00Z"));
  }

  @Test
  void nanosecondsRoundToTheMicrosecondsPostgresKeeps() {
    assertThat(StorableTimestamp.parse("2026-01-15T10:30:00.0000015Z").getNano()).isEqualTo(2_000);
    assertThat(StorableTimestamp.parse("2026-01-15T10:30:00.0000014Z").getNano()).isEqualTo(1_000);
  }

  @Test
  void theRangeEndsWherePostgresDoes() {
    assertThat(StorableTimestamp.parse("+294276-12-31T23:59:59.999999Z"))
        .isEqualTo(StorableTimestamp.MAX);
    assertThat(StorableTimestamp.problem("+294276-12-31T23:59:59.9999995Z"))
        .isEqualTo("OUT_OF_RANGE");
    assertThat(StorableTimestamp.parse("-4712-01-01T00:00:00Z")).isEqualTo(StorableTimestamp.MIN);
    assertThat(StorableTimestamp.problem("-4713-12-31T23:59:59.999999Z")).isEqualTo("OUT_OF_RANGE");
  }

  @Test
  void anUnparsableValueSaysSo() {
    assertThatThrownBy(() -> StorableTimestamp.parse("15/01/2024"))
        .isInstanceOf(StorableTimestamp.Invalid.class)
        .hasMessageContaining("15/01/2024")
        .extracting(e -> ((StorableTimestamp.Invalid) e).code())
        .isEqualTo("INVALID_TIMESTAMP");
  }
}
