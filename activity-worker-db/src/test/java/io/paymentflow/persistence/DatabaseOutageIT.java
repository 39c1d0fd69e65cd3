package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.temporal.failure.ApplicationFailure;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database that is down or drops the connection: the activity throws the error as it came, so
 * Temporal retries it. Nothing is swallowed, nothing is marked non-retryable.
 */
@DbWorkerTest
class DatabaseOutageIT {

  @Autowired PersistenceActivities activities;
  @Autowired JdbcClient jdbc;
  @Autowired HikariDataSource pool;

  @Test
  void unreachableDatabaseFailsRetryablyWithinTheConnectionTimeout() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (HikariDataSource down = new HikariDataSource()) {
      down.setJdbcUrl("jdbc:postgresql://localhost:" + closedPort + "/payments");
      down.setUsername("payments");
      down.setPassword("payments");
      down.setConnectionTimeout(1_000);
      down.setInitializationFailTimeout(-1);
      JdbcClient client = JdbcClient.create(down);
      PersistenceActivities againstDown =
          new PersistenceActivitiesImpl(
              new PaymentEventRepository(client),
              new QuarantineRepository(client),
              new JsonColumns(),
              new WriteMetrics(new SimpleMeterRegistry()),
              SocketTimeoutCheck.of(down));

      long start = System.nanoTime();
      Throwable failure =
          catchThrowable(
              () ->
                  againstDown.persistPaymentEvent(
                      TestEvents.fullyEnriched(TestEvents.uniqueEventId())));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertRetryable(failure);
    }
  }

  @Test
  void connectionKilledMidStatementFailsRetryably() throws Exception {
    String id = TestEvents.uniqueEventId();
    activities.persistPaymentEvent(TestEvents.fullyEnriched(id));
    try (Connection locker =
        DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
      locker.setAutoCommit(false);
      try (PreparedStatement lock =
          locker.prepareStatement("SELECT 1 FROM payment_events WHERE event_id = ? FOR UPDATE")) {
        lock.setString(1, id);
        lock.execute();
      }
      int lockerPid = pid(locker);
      CompletableFuture<Void> replay =
          CompletableFuture.runAsync(
              () -> activities.persistPaymentEvent(TestEvents.fullyEnriched(id)));

      // The replay now waits for the row lock; kill its backend as an outage would.
      Integer blocked =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> blockedBy(lockerPid), pids -> !pids.isEmpty())
              .get(0);
      jdbc.sql("SELECT pg_terminate_backend(?)").param(blocked).query(Boolean.class).single();

      Throwable failure = catchThrowable(() -> replay.get(20, TimeUnit.SECONDS));
      assertThat(failure).isInstanceOf(ExecutionException.class);
      assertRetryable(failure.getCause());
      locker.rollback();
    }
  }

  private List<Integer> blockedBy(int lockerPid) {
    return jdbc.sql(
            "SELECT pid FROM pg_stat_activity WHERE CAST(:locker AS int) = ANY(pg_blocking_pids(pid))")
        .param("locker", lockerPid)
        .query(Integer.class)
        .list();
  }

  private static int pid(Connection connection) throws Exception {
    try (var rs = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void assertRetryable(Throwable failure) {
    assertThat(failure)
        .as("the database error itself, for Temporal to retry")
        .isInstanceOf(DataAccessException.class);
    assertThat(failure).isNotInstanceOf(ApplicationFailure.class);
    assertThat(DatabaseFailures.forTemporal((RuntimeException) failure)).isSameAs(failure);
  }
}
