package io.paymentflow.bridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Consumes the payment topics and starts one Temporal workflow per record. It runs no worker: the
 * workflows run in workflow-worker; this app only hands records over and commits what Temporal
 * acknowledged.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KafkaBridgeApplication {

  public static void main(String[] args) {
    SpringApplication.run(KafkaBridgeApplication.class, args);
  }
}
