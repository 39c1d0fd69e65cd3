package io.paymentflow.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the driver's {@code socketTimeout} against each attempt's real start-to-close. The socket
 * timeout bounds one read of a statement's answer, so that a half-open connection cannot hang an
 * activity; it only helps if it ends before the attempt does, or Temporal gives the attempt up and
 * retries it elsewhere while this one still holds a connection. The start-to-close belongs to the
 * workflow worker (CONTRACTS 2.4) and reaches this worker only in each attempt's {@code
 * ActivityInfo}, so the two are compared here, at run time, and a misfit is said once per
 * start-to-close seen.
 */
final class SocketTimeoutCheck {

  private static final Logger log = LoggerFactory.getLogger(SocketTimeoutCheck.class);

  /** pgjdbc's property, in seconds; 0 or absent means none. */
  static final String PROPERTY = "socketTimeout";

  private final Duration socketTimeout;
  private final Set<Duration> seen = ConcurrentHashMap.newKeySet();

  SocketTimeoutCheck(Duration socketTimeout) {
    this.socketTimeout = socketTimeout;
  }

  static SocketTimeoutCheck of(HikariDataSource dataSource) {
    String seconds = dataSource.getDataSourceProperties().getProperty(PROPERTY);
    long value = seconds == null || seconds.isBlank() ? 0 : Long.parseLong(seconds.trim());
    return new SocketTimeoutCheck(value > 0 ? Duration.ofSeconds(value) : null);
  }

  /**
   * @param startToClose this attempt's; zero or null when it has none
   * @return whether a hung read ends before the attempt does
   */
  boolean fits(Duration startToClose) {
    if (startToClose == null || startToClose.isZero()) {
      return true;
    }
    boolean fits = socketTimeout != null && socketTimeout.compareTo(startToClose) < 0;
    if (!fits && seen.add(startToClose)) {
      log.warn(
          "The PostgreSQL driver's socketTimeout ({}) does not end before this activity's"
              + " start-to-close ({}): a half-open connection would outlive the attempt. Set"
              + " spring.datasource.hikari.data-source-properties.socketTimeout (seconds) below it.",
          socketTimeout == null ? "none" : socketTimeout,
          startToClose);
    }
    return fits;
  }
}
