package io.paymentflow.bridge.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.bridge.support.Events;
import io.paymentflow.contracts.Payloads;
import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentSource;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The re-drive on the in-JVM Temporal server of {@code ./run-local}, which has no visibility
 * queries: the listing falls back to its closed runs, the periodic count does not, and a re-driven
 * workflow leaves the list. (On the real server: {@code RedriveIT} of the system tests.)
 */
class RedriveTest {

  private static EmbeddedTemporalServer temporal;
  private static WorkflowServiceStubs service;
  private static WorkflowClient client;

  @BeforeAll
  static void startServer() {
    temporal = new EmbeddedTemporalServer();
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
    client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder().setDataConverter(Payloads.converter()).build());
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    service.shutdownNow();
    temporal.close();
  }

  @Test
  void aTerminatedRunIsListedWithItsRecordAndRedrivenUnderItsId() {
    KafkaCoordinates readAt = KafkaCoordinates.of("payments.normalized", 2, 41, new byte[] {1});
    String workflowId = WorkflowIds.payment("stripe:evt_redrive_1");
    PaymentEventWorkflow payment =
        client.newWorkflowStub(
            PaymentEventWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.PAYMENT_PROCESSING)
                .build());
    WorkflowClient.start(
        payment::process,
        Events.event("stripe:evt_redrive_1", Map.of()),
        PaymentSource.kafka(readAt));
    client.newUntypedWorkflowStub(workflowId).terminate("RedriveTest");
    EndedRuns runs = new EndedRuns(client);
    Redrive redrive = new Redrive(runs);

    var listed = runs.list(100, true, true);
    RedriveResult result = redrive.redrive(workflowId);
    RedriveResult again = redrive.redrive(workflowId);

    assertThat(listed)
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.workflowId()).isEqualTo(workflowId);
              assertThat(run.status()).isEqualTo("terminated");
              assertThat(run.readAt()).isEqualTo(readAt);
            });
    assertThat(result.outcome()).isEqualTo(RedriveResult.STARTED);
    assertThat(result.previousStatus()).isEqualTo("terminated");
    assertThat(again.outcome()).as("its latest run is running").isEqualTo(RedriveResult.NOT_NEEDED);
    assertThat(runs.list(100, false, true)).isEmpty();
    assertThat(redrive.redrive("payment-never-seen").outcome()).isEqualTo(RedriveResult.NOT_FOUND);
  }
}
