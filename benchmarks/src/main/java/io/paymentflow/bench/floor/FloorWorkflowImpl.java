package io.paymentflow.bench.floor;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

/** PaymentEventWorkflowImpl's command sequence, with the payment workflow's timeouts. */
public class FloorWorkflowImpl implements FloorWorkflow {

  private static final Duration START_TO_CLOSE = Duration.ofSeconds(30);

  private final FloorActivities validation =
      Workflow.newLocalActivityStub(
          FloorActivities.class,
          LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());
  private final FloorActivities inference =
      Workflow.newActivityStub(
          FloorActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(FloorQueues.INFERENCE)
              .setStartToCloseTimeout(START_TO_CLOSE)
              .build());
  private final FloorActivities persistence =
      Workflow.newActivityStub(
          FloorActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(FloorQueues.PERSISTENCE)
              .setStartToCloseTimeout(START_TO_CLOSE)
              .build());

  @Override
  public String run(String event) {
    validation.validate(event);
    List<Promise<String>> enrichments =
        List.of(
            Async.function(inference::enrich, event),
            Async.function(inference::enrich, event),
            Async.function(inference::enrich, event));
    Promise.allOf(enrichments).get();
    return persistence.persist(event);
  }
}
