package io.paymentflow.standin;

/** Command-line parsing for {@link InferenceStandIn#main}. */
final class StandInArgs {

  private StandInArgs() {}

  /** {@code --port=N} wins over the environment's value, which wins over the default. */
  static int port(String[] args, String environmentPort) {
    String chosen = environmentPort;
    for (String arg : args) {
      if (arg.startsWith("--port=")) {
        chosen = arg.substring("--port=".length());
      } else {
        throw new IllegalArgumentException("unknown argument " + arg + "; usage: [--port=N]");
      }
    }
    if (chosen == null || chosen.isBlank()) {
      return InferenceStandIn.DEFAULT_PORT;
    }
    int port;
    try {
      port = Integer.parseInt(chosen.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port must be a number, was " + chosen, e);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    return port;
  }
}
