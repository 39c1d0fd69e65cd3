package io.paymentflow.localrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the PostgreSQL the local run writes to, and creates the {@code payments} database and role
 * when they are missing. Creation needs a superuser: the {@code postgres} operating-system account
 * through {@code runuser}/{@code sudo} (a stock Debian or Ubuntu install), which is how a developer
 * machine is usually set up.
 */
public final class LocalPostgres {

  static final String DATABASE = "payments";

  private final String host;
  private final int port;
  private final String user;
  private final String password;

  public LocalPostgres(String host, int port, String user, String password) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }

  /** Ensures that {@code payments} can log in to database {@code payments}, or says why not. */
  public void ensureReady() {
    try (Connection ignored = connect()) {
      return;
    } catch (SQLException e) {
      if (isUnreachable(e)) {
        throw new LocalRunException(
            "PostgreSQL is not reachable at "
                + host
                + ":"
                + port
                + ".\n  Start it (Debian/Ubuntu: sudo pg_ctlcluster 15 main start) or point"
                + " TEMPORAL_WORKER_POSTGRES_HOST / TEMPORAL_WORKER_POSTGRES_PORT at one.");
      }
      // Wrong password, missing role or missing database: try to create them.
    }
    createRoleAndDatabase();
    try (Connection ignored = connect()) {
      System.out.println("  created PostgreSQL role and database '" + DATABASE + "'");
    } catch (SQLException e) {
      throw new LocalRunException(
          "PostgreSQL at "
              + host
              + ":"
              + port
              + " refuses user '"
              + user
              + "' on database '"
              + DATABASE
              + "' ("
              + e.getMessage()
              + ").\n  Create them as a superuser:\n    CREATE ROLE payments LOGIN PASSWORD"
              + " '<password>';\n    CREATE DATABASE payments OWNER payments;\n  and set"
              + " TEMPORAL_WORKER_POSTGRES_PASSWORD.");
    }
  }

  private void createRoleAndDatabase() {
    String role = identifier(user);
    String password = literal(this.password);
    boolean created =
        asSuperuser(
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                    + literal(user)
                    + ") THEN CREATE ROLE "
                    + role
                    + " LOGIN PASSWORD "
                    + password
                    + "; END IF; END $$;")
            && asSuperuser(
                "SELECT 'CREATE DATABASE payments OWNER ' || quote_ident("
                    + literal(user)
                    + ") WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'payments')"
                    + "\\gexec");
    if (!created) {
      System.out.println("  could not create the role and database: no superuser access");
    }
  }

  /**
   * Runs SQL as the {@code postgres} superuser through {@code runuser} (as root) or {@code sudo};
   * false when neither is possible.
   */
  public boolean asSuperuser(String sql) {
    for (List<String> asPostgres :
        List.of(
            List.of("runuser", "-u", "postgres", "--"), List.of("sudo", "-n", "-u", "postgres"))) {
      if (runPsql(asPostgres, sql)) {
        return true;
      }
    }
    return false;
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  static String identifier(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private boolean runPsql(List<String> asPostgres, String sql) {
    List<String> command = new java.util.ArrayList<>(asPostgres);
    command.addAll(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-p", "" + port));
    try {
      Process psql = new ProcessBuilder(command).redirectErrorStream(true).start();
      psql.getOutputStream().write(sql.getBytes(StandardCharsets.UTF_8));
      psql.getOutputStream().close();
      psql.getInputStream().readAllBytes();
      return psql.waitFor(30, TimeUnit.SECONDS) && psql.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean isUnreachable(SQLException e) {
    // 08001: unable to connect (refused, unknown host, timeout).
    return "08001".equals(e.getSQLState()) || e.getCause() instanceof java.net.ConnectException;
  }
}
