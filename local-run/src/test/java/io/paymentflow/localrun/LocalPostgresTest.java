package io.paymentflow.localrun;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalPostgresTest {

  @Test
  void unreachableServerIsAClearErrorNotAStackTrace() {
    int closed = Ports.free();
    LocalPostgres postgres = new LocalPostgres("localhost", closed, "payments", "payments");

    assertThatThrownBy(postgres::ensureReady)
        .isInstanceOf(LocalRunException.class)
        .hasMessageContaining("PostgreSQL is not reachable at localhost:" + closed)
        .hasMessageContaining("pg_ctlcluster")
        .hasMessageContaining("TEMPORAL_WORKER_POSTGRES_HOST");
  }
}
