package io.paymentflow.bridge.support;

import io.paymentflow.contracts.event.QuarantinedRecord;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the test workflows ran: the runs of each workflow id, and each review's input. Runs are told
 * apart by run id, so a workflow task that Temporal retries (its code runs again in the same run)
 * is not mistaken for a second run; a second start that Temporal accepted would be.
 */
public final class ExecutionRecorder {

  private final Map<String, Set<String>> runs = new ConcurrentHashMap<>();
  private final Map<String, QuarantinedRecord> reviews = new ConcurrentHashMap<>();

  void ran(String workflowId, String runId) {
    runs.computeIfAbsent(workflowId, id -> ConcurrentHashMap.newKeySet()).add(runId);
  }

  void reviewed(String workflowId, String runId, QuarantinedRecord record) {
    reviews.put(workflowId, record);
    ran(workflowId, runId);
  }

  /** Runs per workflow id. */
  public Map<String, Integer> runs() {
    return runs.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
  }

  public int distinct() {
    return runs.size();
  }

  public Map<String, QuarantinedRecord> reviews() {
    return Map.copyOf(reviews);
  }
}
