package io.paymentflow.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection pool. Boot's own Hikari bean would do, except for two things it cannot express:
 * failing fast without the password, and a pool size derived from the worker's concurrency.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

  /**
   * One connection per activity slot, plus one so the readiness check never queues behind busy
   * activities and reports a healthy database as down.
   */
  static final int HEALTH_CHECK_CONNECTIONS = 1;

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(DataSourceProperties properties, PersistenceProperties worker) {
    if (properties.getPassword() == null || properties.getPassword().isBlank()) {
      throw new IllegalStateException(
          "TEMPORAL_WORKER_POSTGRES_PASSWORD is not set: the database worker needs the PostgreSQL"
              + " password (from its Kubernetes secret) and has no default");
    }
    HikariDataSource dataSource =
        properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    // Set before the hikari.* properties bind, so an explicit maximum-pool-size still wins.
    dataSource.setMaximumPoolSize(worker.maxConcurrentActivities() + HEALTH_CHECK_CONNECTIONS);
    return dataSource;
  }

  @Bean
  SocketTimeoutCheck socketTimeoutCheck(HikariDataSource dataSource) {
    return SocketTimeoutCheck.of(dataSource);
  }
}
