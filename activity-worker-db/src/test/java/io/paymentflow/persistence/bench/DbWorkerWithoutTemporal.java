package io.paymentflow.persistence.bench;

import io.paymentflow.persistence.DbWorkerApplication;
import io.paymentflow.support.WorkerDrain;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database worker's own Spring Boot context, minus the one bean that starts the Temporal worker
 * ({@link WorkerDrain}), and without a web server. Everything on the write path is the app's: its
 * application.yml, DataSourceConfig's Hikari pool, Liquibase, JdbcClient, the repository, the
 * metrics and the activity bean. The Temporal client beans are still created, but their connection
 * is lazy and nothing uses it until the context closes: then the worker factory, never started,
 * still calls the server on shutdown and logs a WARN (UNAVAILABLE) after the tables.
 */
final class DbWorkerWithoutTemporal {

  private DbWorkerWithoutTemporal() {}

  /**
   * Starts the context. {@code args} are Spring arguments, as for the app ({@code
   * --temporal-worker.max-concurrent-activities=16}); the TEMPORAL_WORKER_POSTGRES_* variables
   * apply as they do to the app. The password defaults to the local one, as in the ITs.
   */
  static ConfigurableApplicationContext start(List<String> args) {
    return new SpringApplicationBuilder(DbWorkerApplication.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        // Default properties: an environment variable or an argument wins over them.
        .properties(
            Map.of("TEMPORAL_WORKER_POSTGRES_PASSWORD", "payments", "logging.level.root", "WARN"))
        .initializers(
            context -> context.addBeanFactoryPostProcessor(DbWorkerWithoutTemporal::withoutWorker))
        .run(args.toArray(String[]::new));
  }

  /**
   * Drops {@link WorkerDrain}, the only thing that starts the Temporal worker ({@code
   * spring.temporal.start-workers} is false). Runs after the configuration classes, auto-configured
   * ones included, have registered their beans.
   */
  private static void withoutWorker(ConfigurableListableBeanFactory beans) {
    String[] drains = beans.getBeanNamesForType(WorkerDrain.class, false, false);
    if (drains.length == 0) {
      throw new IllegalStateException(
          "No WorkerDrain: find what starts the Temporal worker now and drop it here");
    }
    for (String drain : drains) {
      ((BeanDefinitionRegistry) beans).removeBeanDefinition(drain);
    }
  }
}
