package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class DatabaseFailuresTest {

  @ParameterizedTest
  @ValueSource(strings = {"22001", "22003", "22007", "22008", "22021", "22P02", "22P05", "23502"})
  void errorsAboutTheRowsOwnValuesBecomeNonRetryable(String sqlState) {
    RuntimeException error = refusal(sqlState, null);

    assertPermanent(error);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "payment_events_validation_status_check",
        "payment_events_quarantine_payload_encoding_check",
        "payment_events_quarantine_resolution_check",
        "payment_events_quarantine_reprocess_outcome_check"
      })
  void theSchemasOwnValueChecksAreTheRowsFault(String constraint) {
    assertPermanent(refusal("23514", constraint));
  }

  /** A sequence behind its table refuses every valid row: that is the database's state. */
  @ParameterizedTest
  @ValueSource(strings = {"payment_events_pkey", "payment_events_quarantine_pkey"})
  void aPrimaryKeyCollisionIsRetriedAndSaysHowToMoveTheSequenceOn(String constraint) {
    RuntimeException error = refusal("23505", constraint);

    RuntimeException forTemporal = DatabaseFailures.forTemporal(error);

    assertThat(forTemporal).isInstanceOf(ApplicationFailure.class);
    ApplicationFailure failure = (ApplicationFailure) forTemporal;
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(PersistenceFailures.KEY_SEQUENCE_BEHIND);
    assertThat(failure.getOriginalMessage()).contains("setval(").contains("max(id)");
  }

  @Test
  void integrityErrorsOnConstraintsTheSchemaDoesNotKnowAreRetried() {
    RuntimeException unknownUnique = refusal("23505", "added_by_someone_key");
    RuntimeException unknownCheck = refusal("23514", "added_by_someone_check");
    RuntimeException foreignKey = refusal("23503", "some_fkey");

    assertThat(DatabaseFailures.forTemporal(unknownUnique)).isSameAs(unknownUnique);
    assertThat(DatabaseFailures.forTemporal(unknownCheck)).isSameAs(unknownCheck);
    assertThat(DatabaseFailures.forTemporal(foreignKey)).isSameAs(foreignKey);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "08001", "08006", "40001", "40P01", "53300", "54000", "54001", "57P01", "57014", "42P01"
      })
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

  private static void assertPermanent(RuntimeException error) {
    RuntimeException forTemporal = DatabaseFailures.forTemporal(error);

    assertThat(forTemporal).isInstanceOf(ApplicationFailure.class);
    ApplicationFailure failure = (ApplicationFailure) forTemporal;
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(PersistenceFailures.PERMANENT_DATA_ERROR);
    assertThat(failure.getCause()).isSameAs(error);
  }

  /** A refusal as the driver reports it: the server's fields, NUL-separated. */
  private static RuntimeException refusal(String sqlState, String constraint) {
    String fields =
        "SERROR\0C"
            + sqlState
            + "\0Mrefused\0"
            + (constraint == null ? "" : "n" + constraint + "\0");
    return new DataIntegrityViolationException(
        "refused", new PSQLException(new ServerErrorMessage(fields)));
  }
}
