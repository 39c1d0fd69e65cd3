package io.paymentflow.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app against the local PostgreSQL (CI creates the same database) and the shared in-JVM
 * Temporal server. Every test class using it shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "TEMPORAL_WORKER_POSTGRES_PASSWORD=payments",
      // As ./run-local sets it for a local server; SslModeIT checks it reaches the driver. One
      // setting for every test class: a second cached context would pause and restart this one,
      // and a drained Temporal worker does not start again.
      "TEMPORAL_WORKER_POSTGRES_SSLMODE=disable",
      "temporal-worker.shutdown-grace-period=5s",
      "temporal-worker.max-concurrent-activities=4"
    })
@ContextConfiguration(initializers = TemporalTestServer.class)
@interface DbWorkerTest {}
