package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * TEMPORAL_WORKER_POSTGRES_SSLMODE reaches the driver: with disable (set by {@link DbWorkerTest}),
 * the app's connections are plain even to a server that offers TLS (Debian's PostgreSQL does, which
 * CI runs against).
 */
@DbWorkerTest
class SslModeIT {

  @Autowired HikariDataSource pool;
  @Autowired JdbcClient jdbc;

  @Test
  void disableMeansPlainConnections() {
    assertThat(pool.getJdbcUrl()).endsWith("?sslmode=disable");
    assertThat(
            jdbc.sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                .query(Boolean.class)
                .single())
        .isFalse();
  }
}
