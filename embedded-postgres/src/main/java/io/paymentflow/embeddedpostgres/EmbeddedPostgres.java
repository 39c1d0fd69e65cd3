package io.paymentflow.embeddedpostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL server run from zonky's binary bundle (a Maven artifact), for machines without
 * one: the local run's default database and the build's test database.
 *
 * <p>All of a server lives under one base directory: the unpacked binaries, {@code data/} (kept
 * across starts, so rows survive a restart like on any server), the log {@code postgres.log} and
 * the superuser's password ({@code superuser-password}, readable by its owner only). It listens on
 * {@code localhost} only, TCP only, and every login needs a password (scram-sha-256).
 *
 * <p>Why not zonky's own {@code EmbeddedPostgres}: PostgreSQL refuses to run as root, which CI and
 * containers are, and zonky's server dies with the JVM that started it, while the build wants one
 * server shared by every test JVM (see {@link BuildPostgres}). Here the server is a plain {@code
 * pg_ctl} daemon run through {@link ServerTools}; whoever started it decides when it stops.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  public static final String SUPERUSER = "postgres";

  private final Path base;
  private final int port;
  private final ServerTools tools;

  private EmbeddedPostgres(Path base, int port, ServerTools tools) {
    this.base = base;
    this.port = port;
    this.tools = tools;
  }

  /**
   * Starts the server kept under {@code base} on {@code localhost:port}, creating its data
   * directory the first time. Returns once it accepts connections. Concurrent callers on the same
   * base directory are serialised; one that finds the server already running gets it as it is.
   */
  public static EmbeddedPostgres start(Path base, int port) {
    Path dir = base.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
      try (FileChannel channel =
              FileChannel.open(
                  dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        EmbeddedPostgres server =
            new EmbeddedPostgres(
                dir,
                port,
                new ServerTools(PostgresBinaries.unpackedUnder(dir.resolve("binaries"))));
        if (!Files.exists(server.data().resolve("PG_VERSION"))) {
          server.initdb();
        }
        if (!server.running()) {
          server.pgCtlStart();
        }
        ServerRegistry.record(port, dir);
        return server;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir, e);
    }
  }

  /** The embedded server another process started on {@code port}, when there is one. */
  public static Optional<EmbeddedPostgres> runningOn(int port) {
    return ServerRegistry.baseOf(port)
        .map(
            dir ->
                new EmbeddedPostgres(
                    dir,
                    port,
                    new ServerTools(PostgresBinaries.unpackedUnder(dir.resolve("binaries")))))
        .filter(EmbeddedPostgres::running);
  }

  public int port() {
    return port;
  }

  public Path data() {
    return base.resolve("data");
  }

  public Path log() {
    return base.resolve("postgres.log");
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  /** A connection to {@code database} as the superuser. */
  public Connection connectAsSuperuser(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, superuserPassword());
  }

  /**
   * Makes {@code owner} a login role with {@code password}, owning {@code database}; idempotent.
   * The password is set every time, so the one the caller was configured with is the one that
   * works.
   */
  public void ensureDatabase(String database, String owner, String password) {
    // DDL takes no bind parameters: the names and the password are quoted instead.
    try (Connection admin = connectAsSuperuser("postgres");
        Statement ddl = admin.createStatement()) {
      ddl.execute(
          (exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", owner)
                  ? "ALTER ROLE "
                  : "CREATE ROLE ")
              + identifier(owner)
              + " LOGIN PASSWORD "
              + literal(password));
      if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
        ddl.execute("CREATE DATABASE " + identifier(database) + " OWNER " + identifier(owner));
      }
    } catch (SQLException e) {
      throw new EmbeddedPostgresException(
          "cannot create role " + owner + " and database " + database + ": " + e.getMessage());
    }
  }

  /** Whether the server of this data directory is up, as {@code pg_ctl status} sees it. */
  public boolean running() {
    try {
      tools.run("pg_ctl", List.of("-D", data().toString(), "status"));
      return true;
    } catch (EmbeddedPostgresException notRunning) {
      return false;
    }
  }

  /** Stops the server (fast shutdown: open sessions are rolled back), waiting until it is down. */
  public void stop() {
    if (running()) {
      tools.run("pg_ctl", stopArguments());
    }
    ServerRegistry.forget(port, base);
  }

  /** Starts the server again after {@link #stop()}, on the same port and data. */
  public void restart() {
    if (!running()) {
      pgCtlStart();
    }
    ServerRegistry.record(port, base);
  }

  /** Stops the server. */
  @Override
  public void close() {
    stop();
  }

  /**
   * Leaves the server running after this JVM exits, and stops it once {@code anchor} and every
   * other process that asked the same have exited: a watcher process of its own does it, so the
   * server serves a whole Maven build, not one test JVM.
   */
  public void stopWhenAllExit(ProcessHandle anchor) {
    new ServerWatch(base, tools.command("pg_ctl", stopArguments())).add(anchor);
  }

  private List<String> stopArguments() {
    return List.of("-D", data().toString(), "-m", "fast", "-w", "-t", "60", "stop");
  }

  private void initdb() throws IOException {
    Path password = base.resolve("superuser-password");
    Files.deleteIfExists(password);
    Files.createFile(
        password,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    Files.writeString(password, HexFormat.of().formatHex(random));
    tools.run(
        "initdb",
        List.of(
            "-D",
            data().toString(),
            "-U",
            SUPERUSER,
            "--pwfile=" + password,
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-instructions"));
  }

  private void pgCtlStart() {
    List<String> args = new ArrayList<>(List.of("-D", data().toString()));
    args.addAll(List.of("-l", log().toString(), "-w", "-t", "60"));
    // Through pg_ctl's shell: '' is an empty value, which turns the Unix socket off (TCP only).
    args.addAll(
        List.of(
            "-o",
            "-p "
                + port
                + " -c listen_addresses=localhost -c unix_socket_directories=''"
                + " -c max_connections=200",
            "start"));
    try {
      tools.run("pg_ctl", args);
    } catch (EmbeddedPostgresException e) {
      throw new EmbeddedPostgresException(
          e.getMessage() + "\nlast lines of " + log() + ":\n" + ServerWatch.tail(log(), 15));
    }
  }

  private String superuserPassword() {
    try {
      return Files.readString(base.resolve("superuser-password")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("no superuser password in " + base, e);
    }
  }

  private static boolean exists(Connection connection, String query, String name)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(query)) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String identifier(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
