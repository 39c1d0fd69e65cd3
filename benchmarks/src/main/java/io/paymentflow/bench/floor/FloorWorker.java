package io.paymentflow.bench.floor;

import io.paymentflow.contracts.WorkflowThreads;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.GrpcCompression;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One worker process of the floor, with the worker options of the app it stands for (their
 * application.yml): {@code workflows} as workflow-worker, {@code inference} as
 * activity-worker-inference, {@code persistence} as activity-worker-db. Prints "ready" once
 * polling, and drains on SIGTERM.
 *
 * <p>Usage: {@code FloorWorker <workflows|inference|persistence> <host:port>}
 */
public final class FloorWorker {

  private FloorWorker() {}

  /** As the apps connect: compression gzip (also when null) or none. */
  public static WorkflowServiceStubsOptions options(String target, String compression) {
    return WorkflowServiceStubsOptions.newBuilder()
        .setTarget(target)
        .setGrpcCompression(
            GrpcCompression.valueOf(
                (compression == null ? "gzip" : compression).toUpperCase(Locale.ROOT)))
        .build();
  }

  /** As the workflow worker reads TEMPORAL_WORKER_WORKFLOW_THREADS: auto when unset. */
  static WorkflowThreads workflowThreads(String configured) {
    return configured == null || configured.isBlank()
        ? WorkflowThreads.AUTO
        : WorkflowThreads.valueOf(configured.trim().toUpperCase(Locale.ROOT));
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: FloorWorker <workflows|inference|persistence> <host:port>");
      System.exit(2);
    }
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            options(args[1], System.getenv("TEMPORAL_WORKER_TEMPORAL_GRPC_COMPRESSION")));
    WorkerFactory factory =
        WorkerFactory.newInstance(
            WorkflowClient.newInstance(service),
            WorkerFactoryOptions.newBuilder()
                .setUsingVirtualWorkflowThreads(
                    workflowThreads(System.getenv("TEMPORAL_WORKER_WORKFLOW_THREADS"))
                        .virtualOn(Runtime.version().feature()))
                .build());
    switch (args[0]) {
      case "workflows" -> {
        Worker worker =
            factory.newWorker(
                FloorQueues.WORKFLOWS,
                WorkerOptions.newBuilder()
                    .setMaxConcurrentWorkflowTaskExecutionSize(200)
                    .setMaxConcurrentLocalActivityExecutionSize(200)
                    .setMaxConcurrentWorkflowTaskPollers(5)
                    .build());
        worker.registerWorkflowImplementationTypes(FloorWorkflowImpl.class);
        worker.registerActivitiesImplementations(new FloorActivitiesImpl());
      }
      case "inference" ->
          factory
              .newWorker(
                  FloorQueues.INFERENCE,
                  WorkerOptions.newBuilder()
                      .setMaxConcurrentActivityExecutionSize(50)
                      .setMaxConcurrentActivityTaskPollers(5)
                      .build())
              .registerActivitiesImplementations(new FloorActivitiesImpl());
      case "persistence" ->
          factory
              .newWorker(
                  FloorQueues.PERSISTENCE,
                  WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(8).build())
              .registerActivitiesImplementations(new FloorActivitiesImpl());
      default -> {
        System.err.println("unknown role " + args[0]);
        System.exit(2);
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  factory.shutdown();
                  factory.awaitTermination(10, TimeUnit.SECONDS);
                  service.shutdown();
                  stopped.countDown();
                }));
    factory.start();
    System.out.println("ready");
    System.out.flush();
    stopped.await();
  }
}
