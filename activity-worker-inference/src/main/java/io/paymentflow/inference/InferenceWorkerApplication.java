package io.paymentflow.inference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The inference activity worker: polls only the inference task queue and runs {@link
 * InferenceActivitiesImpl}, which calls the inference service over pooled HTTP.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InferenceWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(InferenceWorkerApplication.class, args);
  }
}
