package io.paymentflow.bridge.redrive;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/redrive} on the bridge's management port (README, "Re-driving a run"): {@code
 * GET} lists the workflows whose latest run ended without finishing, each with the Kafka record it
 * was for; {@code POST} with {@code {"workflowId": "..."}} re-drives one, without a body every one
 * listed. A re-drive only ever runs a record's own workflow again, with its own input, so the
 * endpoint can neither create nor change data of its own.
 */
@Component
@Endpoint(id = "redrive")
class RedriveEndpoint {

  private final EndedRuns runs;
  private final Redrive redrive;
  private final RedriveProperties properties;

  RedriveEndpoint(EndedRuns runs, Redrive redrive, RedriveProperties properties) {
    this.runs = runs;
    this.redrive = redrive;
    this.properties = properties;
  }

  @ReadOperation
  List<EndedRun> endedRuns() {
    return runs.list(properties.maxRuns(), true, true);
  }

  @WriteOperation
  List<RedriveResult> redrive(@Nullable String workflowId) {
    if (workflowId != null) {
      return List.of(redrive.redrive(workflowId));
    }
    return runs.list(properties.maxRuns(), false, true).stream()
        .map(run -> redrive.redrive(run.workflowId()))
        .toList();
  }
}
