package io.paymentflow.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs {@code PaymentEventWorkflow} and {@code DLQReviewWorkflow} on the workflow task queue. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkflowWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkflowWorkerApplication.class, args);
  }
}
