package io.paymentflow.localrun;

import java.util.Map;

/**
 * Where the local run's PostgreSQL is, and the role the apps log in as (CONTRACTS section 5).
 *
 * @param configured whether the user named the server ({@code --postgres} or {@code
 *     TEMPORAL_WORKER_POSTGRES_HOST}): then it is used exactly as named, and never replaced by the
 *     embedded server
 */
public record PostgresSettings(
    String host, int port, boolean configured, String user, String password) {

  public static final int DEFAULT_PORT = 5432;

  public static PostgresSettings fromEnvironment(Map<String, String> env) {
    String host = LocalRunOptions.blankToNull(env.get("TEMPORAL_WORKER_POSTGRES_HOST"));
    return new PostgresSettings(
        host == null ? "localhost" : host,
        Integer.parseInt(
            env.getOrDefault("TEMPORAL_WORKER_POSTGRES_PORT", Integer.toString(DEFAULT_PORT))),
        host != null,
        env.getOrDefault("TEMPORAL_WORKER_POSTGRES_USER", "payments"),
        // A local-only default; deployments take the password from a Secret.
        env.getOrDefault("TEMPORAL_WORKER_POSTGRES_PASSWORD", "payments"));
  }

  /** The same login on the server at {@code host:port} (the port defaults to 5432). */
  PostgresSettings at(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon < 0) {
      return new PostgresSettings(hostAndPort, DEFAULT_PORT, true, user, password);
    }
    return new PostgresSettings(
        hostAndPort.substring(0, colon),
        Integer.parseInt(hostAndPort.substring(colon + 1)),
        true,
        user,
        password);
  }

  /** The same server, logging in as another role. */
  PostgresSettings as(String otherUser, String otherPassword) {
    return new PostgresSettings(host, port, configured, otherUser, otherPassword);
  }
}
