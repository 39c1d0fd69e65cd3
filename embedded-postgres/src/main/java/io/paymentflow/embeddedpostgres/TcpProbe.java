package io.paymentflow.embeddedpostgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether something accepts TCP connections at an address: "is a server already there?". */
public final class TcpProbe {

  private static final int TIMEOUT_MILLIS = 1000;

  private TcpProbe() {}

  public static boolean accepts(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
