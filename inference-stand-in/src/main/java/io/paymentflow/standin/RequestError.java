package io.paymentflow.standin;

/** A request the stand-in refuses; {@code status} is the HTTP status it answers with. */
final class RequestError extends RuntimeException {

  private final int status;

  RequestError(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static RequestError badJson(String detail) {
    return new RequestError(400, detail);
  }

  static RequestError unprocessable(String detail) {
    return new RequestError(422, detail);
  }
}
