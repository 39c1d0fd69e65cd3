package io.paymentflow.inference;

import io.paymentflow.contracts.event.StorableText;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * The one place that decides whether a failed inference call is worth retrying (CONTRACTS 2.4,
 * STYLE rule 8). Everything is thrown as an {@link ApplicationFailure}, never swallowed: Temporal
 * then retries the retryable ones with the activity's backoff, and the workflow records the type of
 * whatever still fails.
 *
 * <ul>
 *   <li>{@value #UNAVAILABLE}, retryable: timeouts, connection errors, 5xx, 408 and 429. The
 *       service may answer next time.
 *   <li>{@value #REJECTED}, not retryable: other 4xx. The same request would be refused again.
 *   <li>{@value #INVALID_RESPONSE}, not retryable: a 2xx body that is not the contract's (not JSON,
 *       score outside [0, 1], unknown level or action, a retry delay that does not fit its int
 *       column). Asking again would bring the same broken answer, or worse, store it.
 * </ul>
 */
final class HttpFailures {

  static final String UNAVAILABLE = "InferenceUnavailable";
  static final String REJECTED = "InferenceRejected";
  static final String INVALID_RESPONSE = "InferenceInvalidResponse";

  /** Enough of an error body to diagnose, never a whole page in the workflow history. */
  private static final int MAX_BODY_IN_MESSAGE = 300;

  private HttpFailures() {}

  static boolean isRetryableStatus(int status) {
    return status >= 500 || status == 408 || status == 429;
  }

  /**
   * A non-2xx answer. {@code Retry-After} only goes into the message: Temporal's retry policy owns
   * the backoff, and its maximum interval already spaces retries out.
   */
  static ApplicationFailure forStatus(
      String endpoint, int status, String body, Optional<String> retryAfter) {
    String message =
        endpoint
            + " answered HTTP "
            + status
            + retryAfter.map(value -> " (Retry-After: " + value + ")").orElse("")
            + ": "
            + abbreviate(body);
    return isRetryableStatus(status)
        ? ApplicationFailure.newFailure(message, UNAVAILABLE, status)
        : ApplicationFailure.newNonRetryableFailure(message, REJECTED, status);
  }

  /**
   * The call did not complete: timeouts and connection errors are all worth another attempt.
   *
   * @param deadlinePassed whether the call's deadline aborted it
   */
  static ApplicationFailure forIoException(
      String endpoint, Duration timeout, IOException e, boolean deadlinePassed) {
    String message;
    if (e instanceof ConnectTimeoutException) {
      message = endpoint + " accepted no connection: " + e.getMessage();
    } else if (deadlinePassed || e instanceof InterruptedIOException) {
      message = endpoint + " did not answer within " + timeout.toMillis() + " ms";
    } else {
      message = endpoint + " unreachable: " + e;
    }
    return ApplicationFailure.newFailureWithCause(message, UNAVAILABLE, e);
  }

  /**
   * The worker is shutting down or the activity was cancelled mid-call: retryable, so another
   * worker takes the attempt over.
   */
  static ApplicationFailure forInterruption(String endpoint, IOException e) {
    return ApplicationFailure.newFailureWithCause(endpoint + " call interrupted", UNAVAILABLE, e);
  }

  /**
   * An answer outside the contract. {@code problem} may quote what the service sent (an id that is
   * not the one asked about, an unknown level), so it is made storable and short like a body.
   */
  static ApplicationFailure invalidResponse(String endpoint, String problem) {
    return ApplicationFailure.newNonRetryableFailure(
        endpoint + " answered outside the contract: " + abbreviate(problem), INVALID_RESPONSE);
  }

  static ApplicationFailure invalidResponse(String endpoint, String problem, Throwable cause) {
    return ApplicationFailure.newNonRetryableFailureWithCause(
        endpoint + " answered outside the contract: " + abbreviate(problem),
        INVALID_RESPONSE,
        cause);
  }

  /**
   * The body as one short line that any column can hold: the message ends up in the row's
   * enrichment_errors, and a NUL or an unpaired surrogate from the service would make that row one
   * PostgreSQL refuses. Cut by code points, so no surrogate pair is split.
   */
  private static String abbreviate(String body) {
    String flat = body == null ? "" : StorableText.sanitized(body.replaceAll("\\s+", " ").strip());
    return flat.codePointCount(0, flat.length()) <= MAX_BODY_IN_MESSAGE
        ? flat
        : flat.substring(0, flat.offsetByCodePoints(0, MAX_BODY_IN_MESSAGE)) + "...";
  }
}
