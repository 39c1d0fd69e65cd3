package io.paymentflow.bridge.start;

import io.paymentflow.bridge.BridgeProperties;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import org.springframework.stereotype.Component;

/**
 * Whether a start's input fits what Temporal accepts: it refuses an input over its blob size limit
 * (2 MiB by default), and would refuse it again on every retry.
 *
 * <p>The input is what the apps' converter makes of the arguments, which can be up to six times the
 * record: JSON escapes each control character as six bytes. So only a record larger than a sixth of
 * the bound (less some room for the converter's own field names) is measured, by converting it
 * exactly as the SDK will; a smaller one cannot exceed it.
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

  /** The input's size as Temporal will see it, or 0 when {@code recordBytes} cannot exceed it. */
  public long measure(WorkflowStart start, int recordBytes) {
    if ((long) recordBytes * MAX_EXPANSION + FIELD_NAMES_ROOM <= maxBytes) {
      return 0;
    }
    return converter.toPayloads(start.arguments()).map(Payloads::getSerializedSize).orElse(0);
  }

  public boolean fits(WorkflowStart start, int recordBytes) {
    return measure(start, recordBytes) <= maxBytes;
  }
}
