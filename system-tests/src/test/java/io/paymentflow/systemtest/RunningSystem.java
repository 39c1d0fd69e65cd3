package io.paymentflow.systemtest;

import io.paymentflow.localrun.LocalPostgres;
import io.paymentflow.localrun.LocalRunOptions;
import io.paymentflow.localrun.LocalSystem;
import io.paymentflow.localrun.PostgresSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running system (the local run, on free ports) for the whole suite: starting four JVMs is the
 * slowest part of a scenario, so scenarios share it and each leaves it healthy. It logs in to
 * PostgreSQL as a role of its own with a random password, so that the security checks can look for
 * that password in logs and metrics.
 */
final class RunningSystem implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RunningSystem.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalSystem.class || type == SuiteSecrets.class || type == SuiteTemporal.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Shared shared =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
    Class<?> type = parameter.getParameter().getType();
    return type == LocalSystem.class
        ? shared.system()
        : type == SuiteSecrets.class ? shared.secrets() : shared.temporal();
  }

  /** Closed by JUnit when the suite ends: every process stopped, every port freed. */
  record Shared(LocalSystem system, SuiteSecrets secrets, SuiteTemporal temporal)
      implements AutoCloseable {

    static Shared start() {
      Path root = Path.of("..").toAbsolutePath().normalize();
      Path work = root.resolve("system-tests/target/system");
      // The server binds a block of nine ports: take it before the apps' free ports are chosen.
      SuiteTemporal temporal = SuiteTemporal.start(work.resolve("temporal-" + UUID.randomUUID()));
      System.out.println("Suite Temporal: " + temporal.describe());
      LocalRunOptions options =
          LocalRunOptions.parse(new String[0], Map.of("PAYMENTFLOW_HOME", root.toString()))
              .onEphemeralPorts(work);
      if (temporal.isReal()) {
        options = options.withTemporalTarget(temporal.server().target());
      }
      SuiteSecrets secrets = SuiteSecrets.create(options);
      if (secrets.ownRole()) {
        options =
            options.withPostgresCredentials(secrets.postgresUser(), secrets.postgresPassword());
      }
      LocalSystem system = new LocalSystem(options, System.out);
      try {
        return new Shared(system.start(), secrets, temporal);
      } catch (RuntimeException e) {
        system.close();
        temporal.close();
        throw e;
      }
    }

    @Override
    public void close() {
      system.close();
      temporal.close();
    }
  }

  /**
   * The Temporal server the suite runs against: the real one when {@code tools/temporal-server} has
   * built it here, else the local run's in-JVM test server ({@code server} null).
   */
  record SuiteTemporal(RealTemporalServer server) implements AutoCloseable {

    static SuiteTemporal start(Path data) {
      return new SuiteTemporal(
          RealTemporalServer.available() ? RealTemporalServer.start(data) : null);
    }

    boolean isReal() {
      return server != null;
    }

    String describe() {
      return isReal()
          ? "real Temporal server (tools/temporal-server, SQLite) at " + server.target()
          : "in-JVM test server (tools/temporal-server/build.sh has not built the real one)";
    }

    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }

  /**
   * The database credentials the suite's apps use.
   *
   * @param ownRole false when no superuser access was available to create the suite's own role; the
   *     secret checks then skip with a message
   */
  record SuiteSecrets(String postgresUser, String postgresPassword, boolean ownRole) {

    static SuiteSecrets create(LocalRunOptions options) {
      String user = "paymentflow_suite";
      String password = "pw-" + UUID.randomUUID();
      PostgresSettings db = options.postgres();
      var admin = new LocalPostgres(db.host(), db.port(), db.user(), db.password());
      admin.ensureReady();
      // A member of the payments role: it owns nothing, it inherits the schema owner's rights.
      // The grant is repeated for a role left by an earlier run: if the payments role has been
      // dropped and created again since, that membership went with it, the login's SET role
      // fails with only a warning, and the apps would run as a role that may read nothing.
      boolean created =
          PostgresLogins.ensure(
              admin,
              user,
              password,
              "",
              "GRANT "
                  + db.user()
                  + " TO "
                  + user
                  + "; ALTER ROLE "
                  + user
                  + " SET role "
                  + db.user()
                  + ";");
      return created
          ? new SuiteSecrets(user, password, true)
          : new SuiteSecrets(db.user(), db.password(), false);
    }
  }
}
