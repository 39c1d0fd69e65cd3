package io.paymentflow.bridge.start;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Whether starts are failing right now: set by the first failed attempt, cleared by the next
 * success. Readiness reports it, so an outage shows while the bridge waits and retries.
 */
@Component
public class StartFailures {

  /** What is known about the current run of failures; {@code null} fields when none. */
  public record Failing(Instant since, String lastError) {}

  private final Clock clock = Clock.systemUTC();
  private volatile Failing failing;

  void succeeded() {
    if (failing != null) {
      failing = null;
    }
  }

  void failed(Throwable error) {
    Failing current = failing;
    Instant since = current == null ? clock.instant() : current.since();
    failing = new Failing(since, error.getClass().getSimpleName() + ": " + error.getMessage());
  }

  /** The current run of failures, or {@code null} when the last attempt succeeded. */
  public Failing current() {
    return failing;
  }
}
