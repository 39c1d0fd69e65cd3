package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class DatabaseFailuresTest {

  @ParameterizedTest
  @ValueSource(strings = {"22001", "22007", "22021", "22P02", "23502", "23505", "23514"})
  void dataAndIntegrityErrorsBecomeNonRetryable(String sqlState) {
    RuntimeException error =
        new DataIntegrityViolationException("rejected", new SQLException("rejected", sqlState));

    RuntimeException forTemporal = DatabaseFailures.forTemporal(error);

    assertThat(forTemporal).isInstanceOf(ApplicationFailure.class);
    ApplicationFailure failure = (ApplicationFailure) forTemporal;
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(PersistenceFailures.PERMANENT_DATA_ERROR);
    assertThat(failure.getCause()).isSameAs(error);
  }

  @ParameterizedTest
  @ValueSource(strings = {"08001", "08006", "40001", "40P01", "53300", "57P01", "57014", "42P01"})
  void everythingElsePropagatesUnchangedForTemporalToRetry(String sqlState) {
    RuntimeException error =
        new TransientDataAccessResourceException("failed", new SQLException("failed", sqlState));

    assertThat(DatabaseFailures.forTemporal(error)).isSameAs(error);
  }

  @Test
  void errorWithoutSqlStatePropagatesUnchanged() {
    RuntimeException error =
        new CannotGetJdbcConnectionException("pool timeout", new SQLException("timeout"));

    assertThat(DatabaseFailures.forTemporal(error)).isSameAs(error);
  }

  @Test
  void sqlStateIsFoundDeepInTheCauseChain() {
    SQLException root = new SQLException("bad date", "22008");
    RuntimeException error =
        new IllegalStateException("outer", new RuntimeException("middle", root));

    assertThat(DatabaseFailures.sqlState(error)).isEqualTo("22008");
  }
}
