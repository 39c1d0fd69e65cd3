package io.paymentflow.workflow;

import io.paymentflow.workflow.review.ReviewProperties;
import io.paymentflow.workflow.validation.ValidationActivities;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The starter creates the worker for the workflow task queue from {@code spring.temporal.workers}
 * (with its capacity settings), app-support's {@code WorkerDrain} starts and drains it; this class
 * decides what the worker runs. Registration is explicit rather than by auto-discovery because the
 * workflows need their activity options and the review window at construction.
 */
@Configuration(proxyBeanMethods = false)
class WorkerConfig {

  private static final Logger log = LoggerFactory.getLogger(WorkerConfig.class);

  /**
   * Virtual or platform workflow threads, decided for the runtime this worker runs on (the images
   * have Java 25; a local run has whatever {@code java} is). It runs after the starter has applied
   * {@code spring.temporal.workflow-cache}, so it is the one place this is decided.
   */
  @Bean
  TemporalOptionsCustomizer<WorkerFactoryOptions.Builder> workflowThreads(
      WorkflowThreadProperties properties) {
    int feature = Runtime.version().feature();
    boolean virtual = properties.workflowThreads().virtualOn(feature);
    log.info(
        "workflow threads: {} (temporal-worker.workflow-threads={}, Java {})",
        virtual ? "virtual" : "platform",
        properties.workflowThreads().name().toLowerCase(Locale.ROOT),
        feature);
    return builder -> builder.setUsingVirtualWorkflowThreads(virtual);
  }

  /**
   * Local activities only: the worker must not poll activity tasks, so nothing but workflow tasks
   * of its own queue are ever taken from the server.
   */
  @Bean
  WorkerOptionsCustomizer localActivitiesOnly() {
    return (builder, workerName, taskQueue) -> builder.setLocalActivityWorkerOnly(true);
  }

  /** Runs after every singleton, including the starter's workers, exists and before they start. */
  @Bean
  SmartInitializingSingleton workflowRegistrar(
      WorkerFactory workerFactory,
      TaskQueueProperties queues,
      WorkflowImplementationOptions workflowImplementationOptions,
      ReviewProperties review,
      ValidationActivities validation) {
    return () -> {
      Worker worker = workerFactory.tryGetWorker(queues.temporalTaskQueue());
      if (worker == null) {
        throw new IllegalStateException(
            "spring.temporal.workers declares no worker for task queue "
                + queues.temporalTaskQueue());
      }
      WorkflowRegistration.register(
          worker, workflowImplementationOptions, review.window(), validation);
    };
  }
}
