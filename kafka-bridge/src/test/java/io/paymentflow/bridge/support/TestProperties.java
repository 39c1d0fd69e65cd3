package io.paymentflow.bridge.support;

import io.paymentflow.bridge.BridgeProperties;
import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.contracts.Topics;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** application.yml's defaults, for unit tests that build components by hand. */
public final class TestProperties {

  public static BridgeProperties withRecordBound(DataSize maxRecordBytes, DataSize prefixBytes) {
    return withInputBound(maxRecordBytes, DataSize.ofKilobytes(1900), prefixBytes);
  }

  /** With a bound on the workflow input as Temporal's converter writes it, too. */
  public static BridgeProperties withInputBound(
      DataSize maxRecordBytes, DataSize maxInputBytes, DataSize prefixBytes) {
    return of(
        maxRecordBytes, maxInputBytes, prefixBytes, Duration.ofMillis(200), Duration.ofSeconds(30));
  }

  /** For tests that take Temporal away. */
  public static BridgeProperties withRetries(Duration initialBackoff, Duration maxBackoff) {
    return of(
        DataSize.ofMegabytes(1),
        DataSize.ofKilobytes(1900),
        DataSize.ofKilobytes(16),
        initialBackoff,
        maxBackoff);
  }

  private static BridgeProperties of(
      DataSize maxRecordBytes,
      DataSize maxInputBytes,
      DataSize prefixBytes,
      Duration initialBackoff,
      Duration maxBackoff) {
    return new BridgeProperties(
        Topics.INPUT,
        Topics.DLQ,
        TaskQueues.PAYMENT_PROCESSING,
        256,
        DataSize.ofMegabytes(16),
        DataSize.ofMegabytes(32),
        8,
        maxRecordBytes,
        maxInputBytes,
        prefixBytes,
        initialBackoff,
        maxBackoff,
        2.0,
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofMillis(200),
        Duration.ofSeconds(1));
  }

  private TestProperties() {}
}
