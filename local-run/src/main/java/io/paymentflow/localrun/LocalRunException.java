package io.paymentflow.localrun;

/** A problem the user can fix; printed as its message, without a stack trace. */
final class LocalRunException extends RuntimeException {
  LocalRunException(String message) {
    super(message);
  }
}
