package io.paymentflow.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** The ports the local system listens on. */
public record Ports(
    int kafka,
    int temporal,
    int inference,
    int bridge,
    int workflowWorker,
    int inferenceWorker,
    int dbWorker) {

  /** The contract's addresses, so ordinary tools find the system where they expect it. */
  public static Ports defaults() {
    return new Ports(9092, 7233, 8002, 8080, 8081, 8082, 8083);
  }

  /** Free ports, for a second system beside a running one (tests). */
  public static Ports ephemeral() {
    return new Ports(free(), free(), free(), free(), free(), free(), free());
  }

  /** A port nothing listens on right now. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
