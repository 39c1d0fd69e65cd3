package io.paymentflow.bridge.poison;

/** Thrown by a reader for a record that cannot be read as its contract says. */
public class PoisonRecordException extends Exception {

  private final transient Poison poison;

  public PoisonRecordException(Poison poison) {
    super(poison.reason() + ": " + poison.errors(), null, false, false);
    this.poison = poison;
  }

  public Poison poison() {
    return poison;
  }
}
