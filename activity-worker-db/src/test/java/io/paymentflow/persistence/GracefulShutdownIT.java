package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Closing the app with an activity in flight: polling stops, the activity finishes and reports, and
 * only then does the connection pool close.
 */
class GracefulShutdownIT {

  private final String persistenceQueue = "test-persistence-" + UUID.randomUUID();
  private final String callerQueue = "test-callers-" + UUID.randomUUID();

  @Test
  void shutdownLetsTheInFlightActivityFinishBeforeThePoolCloses() throws Exception {
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(DbWorkerApplication.class)
            .run(
                "--TEMPORAL_WORKER_POSTGRES_PASSWORD=payments",
                "--server.port=0",
                "--spring.temporal.connection.target=" + TemporalTestServer.target(),
                "--temporal-worker.persistence-task-queue=" + persistenceQueue,
                "--temporal-worker.shutdown-grace-period=30s");
    HikariDataSource pool = app.getBean(HikariDataSource.class);
    WorkerFactory worker = app.getBean(WorkerFactory.class);
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    String id = TestEvents.uniqueEventId();
    app.getBean(PersistenceActivities.class).persistPaymentEvent(TestEvents.fullyEnriched(id));

    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(TemporalTestServer.target())
                .build());
    WorkflowClient client = WorkflowClient.newInstance(stubs);
    WorkerFactory callers = WorkerFactory.newInstance(client);
    callers
        .newWorker(callerQueue)
        .registerWorkflowImplementationTypes(PersistingWorkflowImpl.class);
    callers.start();
    try (Connection locker =
        DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
      // Hold the row so the replay below stays in flight until the test lets it go.
      locker.setAutoCommit(false);
      try (PreparedStatement lock =
          locker.prepareStatement("SELECT 1 FROM payment_events WHERE event_id = ? FOR UPDATE")) {
        lock.setString(1, id);
        lock.execute();
      }
      PersistingWorkflow workflow =
          client.newWorkflowStub(
              PersistingWorkflow.class,
              WorkflowOptions.newBuilder().setTaskQueue(callerQueue).build());
      WorkflowClient.start(
          workflow::persist, persistenceQueue, TestEvents.fullyEnriched(id), null, null, null);
      int lockerPid = pid(locker);
      await().atMost(Duration.ofSeconds(30)).until(() -> blockedBy(jdbc, lockerPid) > 0);

      CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);
      await().atMost(Duration.ofSeconds(10)).until(worker::isShutdown);
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(3))
          .until(() -> !closing.isDone() && !pool.isClosed());

      locker.rollback();
      closing.get(30, TimeUnit.SECONDS);
      WorkflowStub.fromTyped(workflow).getResult(10, TimeUnit.SECONDS, Void.class);
    } finally {
      callers.shutdownNow();
      stubs.shutdownNow();
      app.close();
    }
    assertThat(pool.isClosed()).isTrue();
  }

  private static int blockedBy(JdbcClient jdbc, int lockerPid) {
    return jdbc.sql(
            "SELECT count(*) FROM pg_stat_activity"
                + " WHERE CAST(:locker AS int) = ANY(pg_blocking_pids(pid))")
        .param("locker", lockerPid)
        .query(Integer.class)
        .single();
  }

  private static int pid(Connection connection) throws Exception {
    try (var rs = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
