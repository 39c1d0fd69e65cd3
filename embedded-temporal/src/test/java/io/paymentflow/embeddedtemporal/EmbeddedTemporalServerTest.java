package io.paymentflow.embeddedtemporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmbeddedTemporalServerTest {

  private static final String QUEUE = "embedded-temporal-test";

  @WorkflowInterface
  public interface Greeting {
    @WorkflowMethod
    String greet(String name);
  }

  @ActivityInterface
  public interface Format {
    String format(String name);
  }

  public static class GreetingImpl implements Greeting {
    private final Format format =
        Workflow.newActivityStub(
            Format.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String greet(String name) {
      return format.format(name);
    }
  }

  @Test
  void runsWorkflowsOverATcpPortWithoutKeepingLockHistory() throws Exception {
    try (EmbeddedTemporalServer server = new EmbeddedTemporalServer();
        Connection connection = new Connection(server.target())) {
      List<String> results =
          IntStream.range(0, 200)
              .mapToObj(i -> connection.start("greet-" + i, "n" + i))
              .map(stub -> stub.getResult(String.class))
              .toList();

      assertThat(results).hasSize(200).allMatch(r -> r.startsWith("hello n"));
      // Unpatched, the list holds several events per workflow task and activity by now.
      assertThat(lockEvents(server)).isInstanceOf(LockDiagnostics.Forgetful.class);
      assertThat((java.util.List<?>) lockEvents(server)).isEmpty();
    }
  }

  @Test
  void comesBackOnTheSamePortWithItsWorkflows() throws Exception {
    try (EmbeddedTemporalServer server = new EmbeddedTemporalServer()) {
      try (Connection before = new Connection(server.target())) {
        assertThat(before.start("before", "a").getResult(String.class)).isEqualTo("hello a");
      }

      server.stop();
      server.restart();

      // A new connection, as a restarted app would make: the SDK's own reconnect backoff is not
      // what this test is about.
      try (Connection after = new Connection(server.target())) {
        assertThat(after.client.newUntypedWorkflowStub("before").getResult(String.class))
            .isEqualTo("hello a");
        assertThat(after.start("after", "c").getResult(String.class)).isEqualTo("hello c");
      }
    }
  }

  private static Object lockEvents(EmbeddedTemporalServer server) throws Exception {
    Object services = field(server, "services");
    Object timer = field(services, "selfAdvancingTimer");
    return field(timer, "lockEvents");
  }

  private static Object field(Object owner, String name) throws Exception {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }

  /** A client and a worker on the server's TCP port, as another process would connect. */
  private static final class Connection implements AutoCloseable {
    private final WorkflowServiceStubs stubs;
    private final WorkflowClient client;
    private final WorkerFactory workers;

    Connection(String target) {
      stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
      client = WorkflowClient.newInstance(stubs);
      workers = WorkerFactory.newInstance(client);
      var worker = workers.newWorker(QUEUE);
      worker.registerWorkflowImplementationTypes(GreetingImpl.class);
      worker.registerActivitiesImplementations((Format) name -> "hello " + name);
      workers.start();
    }

    WorkflowStub start(String id, String name) {
      WorkflowStub stub =
          client.newUntypedWorkflowStub(
              "Greeting",
              WorkflowOptions.newBuilder()
                  .setWorkflowId(id)
                  .setTaskQueue(QUEUE)
                  .setWorkflowRunTimeout(Duration.ofSeconds(30))
                  .build());
      stub.start(name);
      return stub;
    }

    @Override
    public void close() {
      workers.shutdownNow();
      stubs.shutdownNow();
    }
  }
}
