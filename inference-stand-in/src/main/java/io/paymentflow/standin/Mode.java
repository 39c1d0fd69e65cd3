package io.paymentflow.standin;

/**
 * How the stand-in answers the inference API ({@code /fraud/score}, {@code /retry/strategy}, {@code
 * /churn/predict} and {@code /health}); the {@code /_admin/*} endpoints are never affected.
 */
public enum Mode {
  /** Answers every valid request with its deterministic result. */
  HEALTHY,
  /** Answers every request with 500, as a crashed model server would. */
  FAIL_500,
  /**
   * Holds every request without answering until the mode changes (held requests are then answered
   * by the new mode) or the stand-in closes (their connections are dropped).
   */
  TIMEOUT,
  /** Answers like {@link #HEALTHY}, but only after the configured slow delay. */
  SLOW,
  /** Answers every request with 400, as a service that rejects our requests would. */
  FAIL_400
}
