package io.paymentflow.bridge.bench;

import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** (c): starts as fast as {@code threads} blocking callers can, with nothing else going on. */
final class RawStartLoop {

  static Measurement.Run run(WorkflowClient client, int threads, String prefix, int records)
      throws InterruptedException {
    long[] latencies = new long[records];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long began = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      pool.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < records; i = next.getAndIncrement()) {
              PaymentEvent event = event(prefix + ":evt_" + i);
              long start = System.nanoTime();
              client.newUntypedWorkflowStub("PaymentEventWorkflow", options(event)).start(event);
              latencies[i] = System.nanoTime() - start;
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    long elapsed = System.nanoTime() - began;
    System.err.printf("  raw loop: %.0f records/s%n", records / (elapsed / 1e9));
    return new Measurement.Run(latencies, elapsed);
  }

  /** The contract's start options (CONTRACTS 2.1), as the bridge and the seed use them. */
  static WorkflowOptions options(PaymentEvent event) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(WorkflowIds.payment(event.eventId()))
        .setTaskQueue(TaskQueues.PAYMENT_PROCESSING)
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build();
  }

  private static PaymentEvent event(String eventId) {
    return new PaymentEvent(
        eventId,
        "stripe",
        eventId,
        "payment.succeeded",
        "merch_1",
        "cus_1",
        2599L,
        "USD",
        "card",
        "visa",
        "4242",
        "succeeded",
        null,
        null,
        Map.of("retry_attempt_count", 1),
        "2024-05-01T10:15:30Z",
        "2024-05-01T10:15:31.123456+00:00",
        1);
  }

  private RawStartLoop() {}
}
