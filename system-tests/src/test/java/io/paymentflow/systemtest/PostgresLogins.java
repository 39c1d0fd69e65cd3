package io.paymentflow.systemtest;

import io.paymentflow.localrun.LocalPostgres;

/** Logins of the suite's own on the PostgreSQL it runs against, made through its superuser. */
final class PostgresLogins {

  /**
   * Creates {@code role} as a login when it is missing, then gives it {@code attributes} (e.g.
   * {@code CREATEDB}, or none) and {@code password}, then runs {@code then}. Every step is repeated
   * on every run, so a login an earlier run left behind ends up exactly as asked. Names and
   * passwords are the suite's own, never input. False when no superuser access is possible.
   */
  static boolean ensure(
      LocalPostgres admin, String role, String password, String attributes, String then) {
    return admin.asSuperuser(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
            + role
            + "') THEN CREATE ROLE "
            + role
            + " LOGIN; END IF; END $$; ALTER ROLE "
            + role
            + " "
            + attributes
            + " PASSWORD '"
            + password
            + "'; "
            + then);
  }

  private PostgresLogins() {}
}
