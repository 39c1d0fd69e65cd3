package io.paymentflow.bridge.redrive;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * {@code paymentflow_runs_to_redrive{workflow_type, status}}: workflows whose latest run ended
 * failed, terminated, timed out or cancelled, each a record that may be in no table until it is
 * re-driven (the alert {@code PaymentflowRunsToRedrive}). Counted on its own thread every {@code
 * scan-interval}, not on each scrape; registered at 0 for every type and status, so the alert has a
 * series before the first such run, and NaN while a count fails.
 */
@Component
class RunsToRedriveGauge implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RunsToRedriveGauge.class);

  private final EndedRuns runs;
  private final RedriveProperties properties;
  private final Map<String, Double> counts = new ConcurrentHashMap<>();
  private ScheduledExecutorService scanner;
  private boolean saidUncountable;

  RunsToRedriveGauge(EndedRuns runs, RedriveProperties properties, MeterRegistry registry) {
    this.runs = runs;
    this.properties = properties;
    for (String type : List.of(EndedRuns.PAYMENT_TYPE, EndedRuns.REVIEW_TYPE)) {
      for (WorkflowExecutionStatus status : EndedRuns.ENDED_BADLY) {
        String key = key(type, EndedRuns.status(status));
        counts.put(key, 0.0);
        Gauge.builder("paymentflow.runs.to.redrive", counts, c -> c.getOrDefault(key, Double.NaN))
            .description(
                "Workflows whose latest run ended without finishing; re-drive them"
                    + " (README, Re-driving a run)")
            .tag("workflow_type", type)
            .tag("status", EndedRuns.status(status))
            .register(registry);
      }
    }
  }

  void scan() {
    try {
      Map<String, Double> found = new ConcurrentHashMap<>();
      counts.keySet().forEach(key -> found.put(key, 0.0));
      for (EndedRun run : runs.list(properties.maxRuns(), false, false)) {
        found.merge(key(run.workflowType(), run.status()), 1.0, Double::sum);
      }
      counts.putAll(found);
      double total = found.values().stream().mapToDouble(Double::doubleValue).sum();
      if (total > 0) {
        log.warn("{} workflows ended without finishing and wait to be re-driven", (long) total);
      }
    } catch (StatusRuntimeException e) {
      counts.replaceAll((key, value) -> Double.NaN);
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED && !saidUncountable) {
        saidUncountable = true;
        log.info(
            "Temporal has no visibility queries here: runs to re-drive are not counted"
                + " (GET /actuator/redrive lists them)");
      } else {
        log.debug("Could not count the runs to re-drive: {}", e.toString());
      }
    } catch (RuntimeException e) {
      counts.replaceAll((key, value) -> Double.NaN);
      log.debug("Could not count the runs to re-drive: {}", e.toString());
    }
  }

  private static String key(String type, String status) {
    return type + "/" + status;
  }

  @Override
  public synchronized void start() {
    scanner =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "runs-to-redrive");
              thread.setDaemon(true);
              return thread;
            });
    long every = properties.scanInterval().toMillis();
    scanner.scheduleWithFixedDelay(this::scan, 0, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scanner != null) {
      scanner.shutdownNow();
      scanner = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scanner != null;
  }
}
