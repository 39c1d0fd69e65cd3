package io.paymentflow.inference;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * One immediate retry of a call that met a connection the server had just closed. Keep-alive has a
 * known race: the server closes an idle connection at the moment the client sends on it, and the
 * client reads no answer ({@code NoHttpResponseException}) or a reset. Nothing was processed, so
 * the call is sent again at once on a fresh connection, instead of failing the activity attempt and
 * waiting for Temporal's backoff. Every inference call is idempotent (a score of the same input),
 * so sending it twice is harmless even in the rare case a dying server did process it.
 *
 * <p>Nothing else is retried here: timeouts, refused connections and every HTTP status are the
 * activity's to report and Temporal's to retry (CONTRACTS 2.4).
 */
final class StaleConnectionRetry implements HttpRequestRetryStrategy {

  static final int MAX_RETRIES = 1;

  @Override
  public boolean retryRequest(
      HttpRequest request, IOException exception, int execCount, HttpContext context) {
    return execCount <= MAX_RETRIES && isDeadConnection(exception);
  }

  @Override
  public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
    return false;
  }

  @Override
  public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
    return TimeValue.ZERO_MILLISECONDS;
  }

  @Override
  public TimeValue getRetryInterval(
      HttpRequest request, IOException exception, int execCount, HttpContext context) {
    return TimeValue.ZERO_MILLISECONDS;
  }

  /**
   * The server closed the connection before answering: no bytes, a reset or a broken pipe, after a
   * send. Not a failure to connect at all, which a second try at once would only repeat.
   */
  static boolean isDeadConnection(IOException e) {
    return e instanceof NoHttpResponseException
        || e instanceof SocketException
            && !(e instanceof ConnectException
                || e instanceof NoRouteToHostException
                || e instanceof BindException);
  }
}
