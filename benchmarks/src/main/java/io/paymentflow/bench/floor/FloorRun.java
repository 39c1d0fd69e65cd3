package io.paymentflow.bench.floor;

import io.paymentflow.bench.CpuTimes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs floor workflows as fast as the workers complete them: a plain concurrent starter keeps a
 * fixed number in flight (closed loop), so the rate it settles at is the floor's maximum.
 */
public final class FloorRun {

  /** Starter threads: enough that starting is never what waits. */
  private static final int STARTERS = 8;

  public record Result(
      int workflows, int failed, double completedPerSecond, CpuTimes.PerEvent cpu) {}

  private final WorkflowClient client;
  private final Map<String, Long> workers;
  private final String event;

  public FloorRun(WorkflowClient client, Map<String, Long> workers, String event) {
    this.client = client;
    this.workers = workers;
    this.event = event;
  }

  public Result run(int workflows, int inFlight) throws InterruptedException {
    String runId = UUID.randomUUID().toString().substring(0, 8);
    Semaphore slots = new Semaphore(inFlight);
    CountDownLatch done = new CountDownLatch(workflows);
    AtomicInteger failed = new AtomicInteger();
    AtomicLong lastCompletion = new AtomicLong();
    ExecutorService starters = Executors.newFixedThreadPool(STARTERS);
    CpuTimes before = CpuTimes.read(workers);
    long first = System.nanoTime();
    try {
      for (int i = 0; i < workflows; i++) {
        slots.acquire();
        String workflowId = "floor-" + runId + "-" + i;
        starters.execute(
            () -> {
              try {
                FloorWorkflow workflow =
                    client.newWorkflowStub(
                        FloorWorkflow.class,
                        WorkflowOptions.newBuilder()
                            .setTaskQueue(FloorQueues.WORKFLOWS)
                            .setWorkflowId(workflowId)
                            .build());
                WorkflowClient.start(workflow::run, event);
                WorkflowStub.fromTyped(workflow)
                    .getResultAsync(String.class)
                    .whenComplete(
                        (result, failure) -> {
                          if (failure != null) {
                            failed.incrementAndGet();
                          }
                          lastCompletion.accumulateAndGet(System.nanoTime(), Math::max);
                          slots.release();
                          done.countDown();
                        });
              } catch (RuntimeException e) {
                failed.incrementAndGet();
                slots.release();
                done.countDown();
              }
            });
      }
      if (!done.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException(
            done.getCount() + " floor workflows did not complete in 10 min");
      }
    } finally {
      starters.shutdownNow();
    }
    int completed = workflows - failed.get();
    double seconds = Math.max(1, lastCompletion.get() - first) / 1e9;
    return new Result(
        workflows,
        failed.get(),
        completed / seconds,
        CpuTimes.read(workers).perEventSince(before, completed));
  }
}
