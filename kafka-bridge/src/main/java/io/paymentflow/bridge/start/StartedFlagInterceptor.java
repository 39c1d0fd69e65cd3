package io.paymentflow.bridge.start;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells which starts attached to an already running workflow.
 *
 * <p>With {@code WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING} a duplicate of a running workflow is not
 * an error: the server answers normally with the existing run and {@code started = false}. The SDK
 * (1.38) drops that flag and returns only the execution, so this interceptor reads it from the
 * response and remembers the request id of every start that did not start anything. The bridge sets
 * its own request id per record ({@code WorkflowOptions.setRequestId}) and asks here after each
 * successful start. Duplicates of closed workflows need no help: the SDK throws {@code
 * WorkflowExecutionAlreadyStarted} for them.
 */
public class StartedFlagInterceptor implements ClientInterceptor {

  private final Set<String> attachedRequestIds = ConcurrentHashMap.newKeySet();

  /** Whether the start sent with this request id attached to a running workflow; forgets it. */
  boolean attachedToRunning(String requestId) {
    return attachedRequestIds.remove(requestId);
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
    ClientCall<Q, R> call = next.newCall(method, callOptions);
    if (!WorkflowServiceGrpc.getStartWorkflowExecutionMethod()
        .getFullMethodName()
        .equals(method.getFullMethodName())) {
      return call;
    }
    return new SimpleForwardingClientCall<>(call) {
      private volatile String requestId;

      @Override
      public void sendMessage(Q message) {
        requestId = ((StartWorkflowExecutionRequest) message).getRequestId();
        super.sendMessage(message);
      }

      @Override
      public void start(Listener<R> listener, Metadata headers) {
        super.start(
            new SimpleForwardingClientCallListener<>(listener) {
              @Override
              public void onMessage(R message) {
                if (!((StartWorkflowExecutionResponse) message).getStarted() && requestId != null) {
                  attachedRequestIds.add(requestId);
                }
                super.onMessage(message);
              }
            },
            headers);
      }
    };
  }
}
