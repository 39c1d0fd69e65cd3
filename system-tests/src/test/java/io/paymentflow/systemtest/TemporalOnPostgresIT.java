package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paymentflow.localrun.LocalPostgres;
import io.paymentflow.localrun.LocalRunOptions;
import io.paymentflow.localrun.PostgresSettings;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * tools/temporal-server on PostgreSQL, the persistence production deployments use: from an empty
 * database, {@code run.sh} makes the databases and schemas with the server's own tooling and
 * serves; a workflow's state lives in PostgreSQL, survives {@code kill -9}, and a second start
 * (schemas already current) finds it where it was. Runs on the PostgreSQL the suite uses, in
 * databases of its own, with a login of its own.
 */
@Order(12)
class TemporalOnPostgresIT {

  @Test
  void theRealServerKeepsItsWorkflowsInPostgresAcrossAKill() throws Exception {
    assumeTrue(
        RealTemporalServer.available(),
        "the real Temporal server is not built here (tools/temporal-server/build.sh): skipping");
    Path root = Path.of("..").toAbsolutePath().normalize();
    PostgresSettings db =
        LocalRunOptions.parse(new String[0], Map.of("PAYMENTFLOW_HOME", root.toString()))
            .postgres();
    var admin = new LocalPostgres(db.host(), db.port(), db.user(), db.password());
    admin.ensureReady();
    String user = "paymentflow_temporal";
    String password = "pw-" + UUID.randomUUID();
    String database = "temporal_it_" + UUID.randomUUID().toString().substring(0, 8);
    assumeTrue(
        PostgresLogins.ensure(admin, user, password, "CREATEDB", ""),
        "no superuser access to create the Temporal server's own PostgreSQL login: skipping");
    System.out.println("\n=== Temporal on PostgreSQL: databases " + database + "{,_visibility}");

    Map<String, String> store =
        Map.of(
            "TEMPORAL_PF_STORE",
            "postgres",
            "TEMPORAL_PF_POSTGRES_HOST",
            db.host(),
            "TEMPORAL_PF_POSTGRES_PORT",
            Integer.toString(db.port()),
            "TEMPORAL_PF_POSTGRES_USER",
            user,
            "TEMPORAL_PF_POSTGRES_PASSWORD",
            password,
            "TEMPORAL_PF_POSTGRES_DB",
            database);
    Path data = root.resolve("system-tests/target/system/temporal-postgres-" + database);
    try (RealTemporalServer server = RealTemporalServer.start(data, store)) {
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
      try {
        WorkflowClient client =
            WorkflowClient.newInstance(
                stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
        String workflowId = "temporal-on-postgres-" + UUID.randomUUID();
        // No worker polls this queue: the workflow stays RUNNING, which is the state to keep.
        WorkflowExecution started =
            client
                .newUntypedWorkflowStub(
                    "NoWorkerRunsThis",
                    WorkflowOptions.newBuilder()
                        .setWorkflowId(workflowId)
                        .setTaskQueue("temporal-on-postgres-it")
                        .build())
                .start();

        String jdbc = "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + database;
        assertThat(currentRun(jdbc, user, password, workflowId))
            .as("the workflow's current run, as the temporal database holds it")
            .isEqualTo(1);

        server.kill();
        server.restart();

        // The channel saw the server die: it waits for the reconnect instead of failing fast.
        var execution =
            stubs
                .blockingStub()
                .withWaitForReady()
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .describeWorkflowExecution(
                    DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace("default")
                        .setExecution(started)
                        .build())
                .getWorkflowExecutionInfo();
        assertThat(execution.getExecution().getRunId()).isEqualTo(started.getRunId());
        assertThat(execution.getStatus())
            .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        // The visibility store (its own database) answers queries, as operators' listings need.
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    assertThat(
                            stubs
                                .blockingStub()
                                .listWorkflowExecutions(
                                    ListWorkflowExecutionsRequest.newBuilder()
                                        .setNamespace("default")
                                        .setQuery("WorkflowId = '" + workflowId + "'")
                                        .build())
                                .getExecutionsCount())
                        .isEqualTo(1));
        client.newUntypedWorkflowStub(workflowId).terminate("test done");
        System.out.println(
            "Temporal on PostgreSQL: schemas made by temporal-sql-tool, workflow kept across"
                + " kill -9 and restart, visible in the visibility store");
      } finally {
        stubs.shutdownNow();
      }
    } finally {
      // One statement per call: DROP DATABASE refuses to run inside a multi-statement query.
      for (String name : new String[] {database, database + "_visibility"}) {
        admin.asSuperuser("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  private static int currentRun(String jdbc, String user, String password, String workflowId)
      throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc, user, password);
        PreparedStatement count =
            c.prepareStatement("SELECT count(*) FROM current_executions WHERE workflow_id = ?")) {
      count.setString(1, workflowId);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
