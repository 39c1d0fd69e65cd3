package io.paymentflow.contracts;

/**
 * Default Kafka topic names (CONTRACTS section 1). The bridge reads them from its {@code
 * TEMPORAL_WORKER_INPUT_TOPIC} and {@code TEMPORAL_WORKER_DLQ_TOPIC} variables; these are the
 * values the upstream normalizer writes to out of the box.
 */
public final class Topics {

  /** Normalized payment events. */
  public static final String INPUT = "payments.normalized";

  /** The normalizer's quarantine payloads. */
  public static final String DLQ = "payments.validation.dlq";

  private Topics() {}
}
