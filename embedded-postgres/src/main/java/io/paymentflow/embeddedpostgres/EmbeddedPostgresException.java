package io.paymentflow.embeddedpostgres;

/** The embedded server could not be set up or controlled; the message says what PostgreSQL said. */
public class EmbeddedPostgresException extends RuntimeException {

  public EmbeddedPostgresException(String message) {
    super(message);
  }
}
