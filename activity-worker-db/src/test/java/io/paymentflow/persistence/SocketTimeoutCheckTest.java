package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SocketTimeoutCheckTest {

  @Test
  void aSocketTimeoutBelowTheStartToCloseFits() {
    assertThat(new SocketTimeoutCheck(Duration.ofSeconds(25)).fits(Duration.ofSeconds(30)))
        .isTrue();
  }

  @Test
  void oneThatEndsWithOrAfterTheAttemptDoesNot() {
    SocketTimeoutCheck check = new SocketTimeoutCheck(Duration.ofSeconds(25));

    assertThat(check.fits(Duration.ofSeconds(25))).isFalse();
    assertThat(check.fits(Duration.ofSeconds(10))).isFalse();
    assertThat(check.fits(Duration.ofSeconds(10))).as("said once, still false").isFalse();
  }

  @Test
  void noSocketTimeoutNeverFitsAnAttemptThatHasAnEnd() {
    assertThat(new SocketTimeoutCheck(null).fits(Duration.ofSeconds(30))).isFalse();
  }

  @Test
  void anAttemptWithoutStartToCloseHasNothingToFit() {
    SocketTimeoutCheck check = new SocketTimeoutCheck(Duration.ofSeconds(25));

    assertThat(check.fits(Duration.ZERO)).isTrue();
    assertThat(check.fits(null)).isTrue();
  }

  @Test
  void readsTheDriversSecondsFromThePool() {
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.addDataSourceProperty(SocketTimeoutCheck.PROPERTY, "25");

      assertThat(SocketTimeoutCheck.of(pool).fits(Duration.ofSeconds(26))).isTrue();
      assertThat(SocketTimeoutCheck.of(pool).fits(Duration.ofSeconds(25))).isFalse();
    }
  }
}
