package io.paymentflow.bridge.redrive;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.paymentflow.contracts.Payloads;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentSource;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The workflows whose latest run ended failed, terminated, timed out or cancelled (CONTRACTS 2.1):
 * the offset of their record was committed when the run started, so nothing redelivers it, and
 * until the run is re-driven its record may be in no table.
 *
 * <p>Found by Temporal's visibility ({@code ListWorkflowExecutions} with a query: the real server,
 * Temporal Cloud), or, on a server without queries (the in-JVM test server of {@code ./run-local}),
 * by its list of closed runs. Each workflow id found is described once more, since a later run of
 * the same id (a re-drive, a redelivery) supersedes the one that ended badly.
 */
@Component
class EndedRuns {

  static final Set<WorkflowExecutionStatus> ENDED_BADLY =
      EnumSet.of(
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED);

  static final String PAYMENT_TYPE = typeOf(PaymentEventWorkflow.class);
  static final String REVIEW_TYPE = typeOf(DLQReviewWorkflow.class);

  private static final String QUERY =
      "WorkflowType IN ('%s', '%s') AND ExecutionStatus IN ('Failed', 'Terminated', 'TimedOut', 'Canceled')"
          .formatted(PAYMENT_TYPE, REVIEW_TYPE);

  private static final int PAGE_SIZE = 100;

  private final WorkflowClient client;
  private final String namespace;
  private final DataConverter converter = Payloads.converter();

  EndedRuns(WorkflowClient client) {
    this.client = client;
    this.namespace = client.getOptions().getNamespace();
  }

  /**
   * The workflows whose latest run ended badly, at most {@code max} of them.
   *
   * @param orListClosed on a server without visibility queries, read its whole list of closed runs
   *     instead (the in-JVM test server: an in-memory list, read without its lock, so not for a
   *     periodic count); otherwise such a server answers UNIMPLEMENTED
   */
  List<EndedRun> list(int max, boolean withReadAt, boolean orListClosed) {
    Set<String> candidates = new LinkedHashSet<>();
    Consumer<WorkflowExecutionInfo> candidate =
        info -> candidates.add(info.getExecution().getWorkflowId());
    try {
      forEachByQuery(max, candidate);
    } catch (StatusRuntimeException e) {
      if (!orListClosed || e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      forEachClosed(max, candidate);
    }
    List<EndedRun> runs = new ArrayList<>();
    for (String workflowId : candidates) {
      latest(workflowId)
          .filter(info -> ENDED_BADLY.contains(info.getStatus()))
          .ifPresent(info -> runs.add(endedRun(info, withReadAt)));
    }
    return runs;
  }

  /** The latest run of {@code workflowId}, if Temporal knows the id. */
  Optional<WorkflowExecutionInfo> latest(String workflowId) {
    try {
      return Optional.of(
          stub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build())
              .getWorkflowExecutionInfo());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** How {@code run} was started: its type, task queue, input and header. */
  WorkflowExecutionStartedEventAttributes started(WorkflowExecution run) {
    return stub()
        .getWorkflowExecutionHistory(
            GetWorkflowExecutionHistoryRequest.newBuilder()
                .setNamespace(namespace)
                .setExecution(run)
                .setMaximumPageSize(1)
                .build())
        .getHistory()
        .getEvents(0)
        .getWorkflowExecutionStartedEventAttributes();
  }

  /** The Kafka record a run was for, from its input; null when its input cannot be read. */
  KafkaCoordinates readAt(WorkflowExecutionStartedEventAttributes started) {
    try {
      Optional<io.temporal.api.common.v1.Payloads> input = Optional.of(started.getInput());
      String type = started.getWorkflowType().getName();
      if (PAYMENT_TYPE.equals(type)) {
        PaymentSource source =
            converter.fromPayloads(1, input, PaymentSource.class, PaymentSource.class);
        return source == null ? null : source.readAt();
      }
      if (REVIEW_TYPE.equals(type)) {
        QuarantinedRecord record =
            converter.fromPayloads(0, input, QuarantinedRecord.class, QuarantinedRecord.class);
        return record == null ? null : record.readAt();
      }
      return null;
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  String namespace() {
    return namespace;
  }

  WorkflowServiceBlockingStub stub() {
    return client.getWorkflowServiceStubs().blockingStub();
  }

  private EndedRun endedRun(WorkflowExecutionInfo info, boolean withReadAt) {
    KafkaCoordinates readAt = null;
    if (withReadAt) {
      try {
        readAt = readAt(started(info.getExecution()));
      } catch (StatusRuntimeException historyGone) {
        // Listed without its record rather than not at all.
      }
    }
    return new EndedRun(
        info.getExecution().getWorkflowId(),
        info.getExecution().getRunId(),
        info.getType().getName(),
        status(info.getStatus()),
        Instant.ofEpochSecond(info.getCloseTime().getSeconds(), info.getCloseTime().getNanos()),
        readAt);
  }

  /** {@code failed}, {@code terminated}, {@code timed_out}, {@code canceled}. */
  static String status(WorkflowExecutionStatus status) {
    return status.name().substring("WORKFLOW_EXECUTION_STATUS_".length()).toLowerCase();
  }

  private void forEachByQuery(int max, Consumer<WorkflowExecutionInfo> each) {
    int seen = 0;
    com.google.protobuf.ByteString page = com.google.protobuf.ByteString.EMPTY;
    do {
      ListWorkflowExecutionsResponse response =
          stub()
              .listWorkflowExecutions(
                  ListWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setQuery(QUERY)
                      .setPageSize(PAGE_SIZE)
                      .setNextPageToken(page)
                      .build());
      for (WorkflowExecutionInfo info : response.getExecutionsList()) {
        if (seen++ >= max) {
          return;
        }
        each.accept(info);
      }
      page = response.getNextPageToken();
    } while (!page.isEmpty());
  }

  /** Without queries: every closed run, its status and type checked here. */
  private void forEachClosed(int max, Consumer<WorkflowExecutionInfo> each) {
    int seen = 0;
    com.google.protobuf.ByteString page = com.google.protobuf.ByteString.EMPTY;
    do {
      ListClosedWorkflowExecutionsResponse response =
          stub()
              .listClosedWorkflowExecutions(
                  ListClosedWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setMaximumPageSize(PAGE_SIZE)
                      .setNextPageToken(page)
                      .build());
      for (WorkflowExecutionInfo info : response.getExecutionsList()) {
        String type = info.getType().getName();
        boolean ours = PAYMENT_TYPE.equals(type) || REVIEW_TYPE.equals(type);
        if (ours && ENDED_BADLY.contains(info.getStatus())) {
          if (seen++ >= max) {
            return;
          }
          each.accept(info);
        }
      }
      page = response.getNextPageToken();
    } while (!page.isEmpty());
  }

  private static String typeOf(Class<?> workflowInterface) {
    return POJOWorkflowInterfaceMetadata.newInstance(workflowInterface)
        .getWorkflowMethod()
        .orElseThrow()
        .getName();
  }
}
