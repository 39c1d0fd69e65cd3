package io.paymentflow.standin;

/** Command-line parsing for {@link InferenceStandIn#main}. */
final class StandInArgs {

  static final String USAGE = "usage: [--port=N] [--idle-timeout=5s] [--latency=10ms..100ms]";

  private StandInArgs() {}

  /** {@code --port=N} wins over the environment's value, which wins over the default. */
  static InferenceStandIn.Options options(String[] args, String environmentPort) {
    String port = environmentPort;
    InferenceStandIn.Options options =
        InferenceStandIn.Options.onPort(InferenceStandIn.DEFAULT_PORT);
    for (String arg : args) {
      if (arg.startsWith("--port=")) {
        port = arg.substring("--port=".length());
      } else if (arg.startsWith("--idle-timeout=")) {
        options =
            options.withIdleTimeout(Durations.parse(arg.substring("--idle-timeout=".length())));
      } else if (arg.startsWith("--latency=")) {
        options = options.withLatency(Latency.parse(arg.substring("--latency=".length())));
      } else {
        throw new IllegalArgumentException("unknown argument " + arg + "; " + USAGE);
      }
    }
    return new InferenceStandIn.Options(port(port), options.idleTimeout(), options.latency());
  }

  private static int port(String chosen) {
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
