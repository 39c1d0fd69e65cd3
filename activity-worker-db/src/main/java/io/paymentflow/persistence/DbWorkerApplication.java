package io.paymentflow.persistence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The database worker: polls only the persistence task queue and runs {@link
 * PersistenceActivitiesImpl}. It owns the PostgreSQL schema (Liquibase runs before it polls).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DbWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(DbWorkerApplication.class, args);
  }
}
