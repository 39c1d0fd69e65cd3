package io.paymentflow.bridge.support;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Faults on the way to Temporal, for what the in-JVM server never does: a gRPC interceptor on the
 * client's channel, in front of the real server, that makes start calls throw (as a linkage error
 * or a stack overflow in the client would) or answers them with a refusal (as a real server's
 * limits, or a proxy, would). Everything else goes through to the server unchanged.
 */
public final class StartFaults implements ClientInterceptor {

  /**
   * The real server's own texts, as the v1.32.1 server of tools/temporal-server answers (checked
   * with the Temporal CLI against it): {@code common.ErrBlobSizeExceedsLimit} in common/util.go,
   * and from chasm/lib/workflow/validator.go the id's length in bytes and the limit. Written out
   * here rather than taken from the bridge, so that a typo there fails the tests.
   */
  public static final String BLOB_SIZE_EXCEEDS_LIMIT = "Blob data size exceeds limit.";

  public static final String WORKFLOW_ID_OVER_MAX_LENGTH =
      "WorkflowId exceeds maximum allowed length (%d/%d)";

  private final AtomicInteger throwing = new AtomicInteger();
  private final AtomicInteger starts = new AtomicInteger();
  private volatile Supplier<? extends Error> error;
  private volatile Function<StartWorkflowExecutionRequest, Status> refusal = request -> null;

  /** The next {@code count} start calls throw this error on the calling thread. */
  public void throwOnNextStarts(int count, Supplier<? extends Error> error) {
    this.error = error;
    throwing.set(count);
  }

  /**
   * Start calls for which {@code refusal} gives a status end with it instead of reaching Temporal.
   */
  public void refuse(Function<StartWorkflowExecutionRequest, Status> refusal) {
    this.refusal = refusal;
  }

  public void refuseNothing() {
    refuse(request -> null);
  }

  /**
   * What the real server's frontend and history service check of a start before anything else: its
   * id's length in bytes ({@code limit.maxIDLength}) and its input's size ({@code
   * limit.blobSize.error}), with their texts.
   */
  public static Function<StartWorkflowExecutionRequest, Status> serverLimits(
      int maxIdBytes, long maxInputBytes) {
    return request -> {
      int idBytes = request.getWorkflowId().getBytes(StandardCharsets.UTF_8).length;
      if (idBytes > maxIdBytes) {
        return Status.INVALID_ARGUMENT.withDescription(
            WORKFLOW_ID_OVER_MAX_LENGTH.formatted(idBytes, maxIdBytes));
      }
      if (request.getInput().getSerializedSize() > maxInputBytes) {
        return Status.INVALID_ARGUMENT.withDescription(BLOB_SIZE_EXCEEDS_LIMIT);
      }
      return null;
    };
  }

  /** Start calls made so far, refused or thrown ones included. */
  public int starts() {
    return starts.get();
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
    if (!WorkflowServiceGrpc.getStartWorkflowExecutionMethod()
        .getFullMethodName()
        .equals(method.getFullMethodName())) {
      return next.newCall(method, callOptions);
    }
    starts.incrementAndGet();
    if (throwing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw error.get();
    }
    return new RefusableCall<>(next.newCall(method, callOptions));
  }

  /**
   * Holds the call back until its request is known, then either closes it with the refusal or
   * starts it for real. A unary call sends one message, so that is the whole request.
   */
  private final class RefusableCall<Q, R> extends ClientCall<Q, R> {
    private final ClientCall<Q, R> call;
    private Listener<R> listener;
    private Metadata headers;
    private int requested;
    private boolean started;
    private boolean refused;

    RefusableCall(ClientCall<Q, R> call) {
      this.call = call;
    }

    @Override
    public void start(Listener<R> listener, Metadata headers) {
      this.listener = listener;
      this.headers = headers;
    }

    @Override
    public void request(int numMessages) {
      if (started) {
        call.request(numMessages);
      } else {
        requested += numMessages;
      }
    }

    @Override
    public void sendMessage(Q message) {
      Status status = refusal.apply((StartWorkflowExecutionRequest) message);
      if (status != null) {
        refused = true;
        listener.onClose(status, new Metadata());
        return;
      }
      call.start(listener, headers);
      started = true;
      if (requested > 0) {
        call.request(requested);
      }
      call.sendMessage(message);
    }

    @Override
    public void halfClose() {
      if (started) {
        call.halfClose();
      }
    }

    @Override
    public void cancel(String message, Throwable cause) {
      if (started) {
        call.cancel(message, cause);
      } else if (!refused && listener != null) {
        refused = true;
        listener.onClose(
            Status.CANCELLED.withDescription(message).withCause(cause), new Metadata());
      }
    }

    @Override
    public boolean isReady() {
      return !started || call.isReady();
    }
  }
}
