package io.paymentflow.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's connections behave as the real service's do (uvicorn): an idle keep-alive
 * connection is closed by the server, a request waiting for its answer is not, and calls can take a
 * while. Raw sockets, so nothing in a client hides what the server did.
 */
class ConnectionBehaviourTest {

  private static final Duration IDLE = Duration.ofMillis(500);

  @Test
  void aKeepAliveConnectionIdleLongerThanTheTimeoutIsClosedByTheServer() throws Exception {
    try (InferenceStandIn standIn =
            InferenceStandIn.start(InferenceStandIn.Options.onPort(0).withIdleTimeout(IDLE));
        Socket socket = new Socket("localhost", standIn.port())) {
      socket.setSoTimeout(5_000);
      assertThat(exchange(socket)).startsWith("HTTP/1.1 200");
      assertThat(exchange(socket)).as("kept alive between requests").startsWith("HTTP/1.1 200");

      long idleSince = System.nanoTime();
      int read = socket.getInputStream().read();

      assertThat(read).as("the server closed the connection").isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - idleSince))
          .isBetween(IDLE.minusMillis(50), IDLE.multipliedBy(4));
    }
  }

  @Test
  void aConnectionUsedWithinTheTimeoutStaysOpen() throws Exception {
    try (InferenceStandIn standIn =
            InferenceStandIn.start(InferenceStandIn.Options.onPort(0).withIdleTimeout(IDLE));
        Socket socket = new Socket("localhost", standIn.port())) {
      socket.setSoTimeout(5_000);
      for (int i = 0; i < 5; i++) {
        assertThat(exchange(socket)).startsWith("HTTP/1.1 200");
        Thread.sleep(IDLE.toMillis() / 3);
      }
    }
  }

  @Test
  void aRequestHeldByTheTimeoutModeIsNotIdle() throws Exception {
    try (InferenceStandIn standIn =
            InferenceStandIn.start(InferenceStandIn.Options.onPort(0).withIdleTimeout(IDLE));
        Socket socket = new Socket("localhost", standIn.port())) {
      standIn.setMode(Mode.TIMEOUT);
      socket.setSoTimeout((int) IDLE.multipliedBy(4).toMillis());
      send(socket);

      assertThatNoAnswerWithin(socket);
      standIn.setMode(Mode.HEALTHY);
      socket.setSoTimeout(5_000);
      assertThat(readAnswer(socket)).as("answered once released").startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void eachCallWaitsWithinTheLatencyRangeTheSameForTheSameRequest() throws Exception {
    Latency latency = new Latency(Duration.ofMillis(100), Duration.ofMillis(300));
    try (InferenceStandIn standIn =
        InferenceStandIn.start(InferenceStandIn.Options.onPort(0).withLatency(latency))) {
      Http http = new Http(standIn.baseUrl());
      Duration expected = latency.of(Requests.FRAUD);

      for (int i = 0; i < 2; i++) {
        long began = System.nanoTime();
        assertThat(http.post("/fraud/score", Requests.FRAUD).statusCode()).isEqualTo(200);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertThat(took).isBetween(expected, expected.plusMillis(500));
      }
      assertThat(expected).isBetween(latency.min(), latency.max());
    }
  }

  private static String exchange(Socket socket) throws IOException {
    send(socket);
    return readAnswer(socket);
  }

  private static void send(Socket socket) throws IOException {
    byte[] body = Requests.CHURN.getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /churn/predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** Reads one answer: its headers, then exactly Content-Length bytes of body. */
  private static String readAnswer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + head);
      }
      head.write(b);
    }
    String headers = head.toString(StandardCharsets.US_ASCII);
    int length =
        headers
            .lines()
            .filter(line -> line.toLowerCase().startsWith("content-length:"))
            .mapToInt(line -> Integer.parseInt(line.substring(15).trim()))
            .findFirst()
            .orElse(0);
    return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static void assertThatNoAnswerWithin(Socket socket) throws IOException {
    try {
      int read = socket.getInputStream().read();
      assertThat(read).as("neither an answer nor a close while held").isNotEqualTo(-1);
      throw new AssertionError("answered while held");
    } catch (SocketTimeoutException stillHeld) {
      // held past four idle timeouts, the connection still open
    }
  }
}
