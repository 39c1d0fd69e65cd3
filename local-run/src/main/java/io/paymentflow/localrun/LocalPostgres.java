package io.paymentflow.localrun;

import io.paymentflow.embeddedpostgres.EmbeddedPostgres;
import io.paymentflow.embeddedpostgres.TcpProbe;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL the local run writes to, and the {@code payments} database and role on it.
 *
 * <p>{@link #prepare} decides which server that is: the one the user configured, as it is; else the
 * one already answering on {@code localhost:5432} (a system server, or an embedded one another run
 * or the build left running); else an embedded server started here, from Maven artifacts, with its
 * data under the run's work directory, kept across runs and stopped with the run.
 *
 * <p>Superuser work (creating the role, the suite's own roles) goes through the embedded server's
 * superuser when the server is an embedded one, else through the {@code postgres} operating-system
 * account with {@code runuser}/{@code sudo} (a stock Debian or Ubuntu install).
 */
public final class LocalPostgres implements AutoCloseable {

  static final String DATABASE = "payments";

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final EmbeddedPostgres startedHere;

  public LocalPostgres(String host, int port, String user, String password) {
    this(host, port, user, password, null);
  }

  private LocalPostgres(
      String host, int port, String user, String password, EmbeddedPostgres startedHere) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.startedHere = startedHere;
  }

  /**
   * The run's database, ready for {@code user} to log in; {@code out} gets one line saying which
   * server it is (paths relative to {@code displayRoot}).
   */
  static LocalPostgres prepare(
      PostgresSettings settings, Path embeddedBase, Path displayRoot, PrintStream out) {
    if (settings.configured() || TcpProbe.accepts(settings.host(), settings.port())) {
      LocalPostgres existing =
          new LocalPostgres(settings.host(), settings.port(), settings.user(), settings.password());
      existing.ensureReady();
      out.println(
          "PostgreSQL   "
              + existing.jdbcUrl()
              + (settings.configured()
                  ? "  (configured)"
                  : existing.embedded().isPresent()
                      ? "  (embedded, already running)"
                      : "  (already running)"));
      return existing;
    }
    EmbeddedPostgres embedded = EmbeddedPostgres.start(embeddedBase, settings.port());
    try {
      embedded.ensureDatabase(DATABASE, settings.user(), settings.password());
    } catch (RuntimeException e) {
      embedded.stop();
      throw e;
    }
    LocalPostgres started =
        new LocalPostgres(
            settings.host(), settings.port(), settings.user(), settings.password(), embedded);
    out.println(
        "PostgreSQL   "
            + started.jdbcUrl()
            + "  (embedded: no server answered on "
            + settings.host()
            + ":"
            + settings.port()
            + "; data in "
            + (embedded.data().startsWith(displayRoot)
                ? displayRoot.relativize(embedded.data())
                : embedded.data())
            + ")");
    return started;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }

  /** Ensures that {@code user} can log in to database {@code payments}, or says why not. */
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
                + ".\n  Start it (Debian/Ubuntu: sudo pg_ctlcluster 15 main start), point"
                + " --postgres or TEMPORAL_WORKER_POSTGRES_HOST / TEMPORAL_WORKER_POSTGRES_PORT at"
                + " one, or leave both unset and free localhost:5432 for the embedded server.");
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

  /**
   * The embedded server behind this address, when it is one (started here or by another process of
   * this user): it can be stopped and started again, and its superuser reached.
   */
  public Optional<EmbeddedPostgres> embedded() {
    if (startedHere != null) {
      return Optional.of(startedHere);
    }
    return isLocal() ? EmbeddedPostgres.runningOn(port) : Optional.empty();
  }

  private void createRoleAndDatabase() {
    Optional<EmbeddedPostgres> embedded = embedded();
    if (embedded.isPresent()) {
      embedded.get().ensureDatabase(DATABASE, user, password);
      return;
    }
    String role = identifier(user);
    boolean created =
        asSuperuser(
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                    + literal(user)
                    + ") THEN CREATE ROLE "
                    + role
                    + " LOGIN PASSWORD "
                    + literal(password)
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
   * Runs SQL as a superuser: the embedded server's, else the {@code postgres} account through
   * {@code runuser} (as root) or {@code sudo}; false when none is possible. For an embedded server
   * the SQL must be plain statements (no psql meta-commands).
   */
  public boolean asSuperuser(String sql) {
    Optional<EmbeddedPostgres> embedded = embedded();
    if (embedded.isPresent()) {
      try (Connection admin = embedded.get().connectAsSuperuser(DATABASE);
          Statement statement = admin.createStatement()) {
        statement.execute(sql);
        return true;
      } catch (SQLException e) {
        System.out.println("  as superuser: " + e.getMessage());
        return false;
      }
    }
    for (List<String> asPostgres :
        List.of(
            List.of("runuser", "-u", "postgres", "--"), List.of("sudo", "-n", "-u", "postgres"))) {
      if (runPsql(asPostgres, sql)) {
        return true;
      }
    }
    return false;
  }

  /** Stops the embedded server this run started; a server found running is left as it was. */
  @Override
  public void close() {
    if (startedHere != null) {
      startedHere.stop();
    }
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  static String identifier(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private boolean isLocal() {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
  }

  private boolean runPsql(List<String> asPostgres, String sql) {
    List<String> command = new ArrayList<>(asPostgres);
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
