package io.paymentflow.bridge.start;

import io.paymentflow.bridge.BridgeProperties;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.inference.ChurnPredictionRequest;
import io.paymentflow.contracts.inference.FraudScoreRequest;
import io.paymentflow.contracts.inference.RetryStrategyRequest;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import org.springframework.stereotype.Component;

/**
 * Whether what a record's workflow will carry fits what Temporal accepts: it refuses a payload over
 * its blob size limit (2 MiB by default) and a request over 4 MiB, again on every retry, and
 * terminates a run whose workflow task it cannot take.
 *
 * <p>Two things are measured, each the way the apps' converter writes it: the workflow's input (a
 * payment's event is later the one copy its persist activity carries), and, for a payment, its
 * three enrichment requests together, which one workflow task schedules at once (a customer id is
 * in two of them). Both must stay within the bound, which keeps every payload under the blob limit
 * and every workflow task under the request limit.
 *
 * <p>The written form can be up to six times the record: JSON escapes each control character as six
 * bytes. So only a record larger than a sixth of the bound (less some room for the converter's own
 * field names) is measured, by converting it exactly as the SDK will; a smaller one cannot exceed
 * it.
 */
@Component
public class WorkflowInputBound {

  private static final int MAX_EXPANSION = 6;
  private static final long FIELD_NAMES_ROOM = 64 * 1024;

  private final DataConverter converter;
  private final long maxBytes;

  public WorkflowInputBound(DataConverter converter, BridgeProperties properties) {
    this.converter = converter;
    this.maxBytes = properties.maxWorkflowInputBytes().toBytes();
  }

  /** The bound, for messages. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * The larger of the input's size and, for a payment, its enrichment requests' together, as
   * Temporal will see them; 0 when {@code recordBytes} cannot exceed the bound. (A customer id in
   * two requests at most doubles the record, so the same threshold holds with twice the room.)
   */
  public long measure(WorkflowStart start, int recordBytes) {
    if ((long) recordBytes * MAX_EXPANSION * 2 + FIELD_NAMES_ROOM <= maxBytes) {
      return 0;
    }
    long input = size(start.arguments());
    PaymentEvent event = start.event();
    if (event == null) {
      return input;
    }
    long requests =
        size(FraudScoreRequest.of(event))
            + size(RetryStrategyRequest.of(event))
            + size(ChurnPredictionRequest.of(event));
    return Math.max(input, requests);
  }

  private long size(Object... values) {
    return converter.toPayloads(values).map(Payloads::getSerializedSize).orElse(0);
  }

  public boolean fits(WorkflowStart start, int recordBytes) {
    return measure(start, recordBytes) <= maxBytes;
  }
}
