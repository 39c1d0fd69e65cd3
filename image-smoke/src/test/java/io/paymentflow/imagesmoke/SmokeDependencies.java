package io.paymentflow.imagesmoke;

import io.paymentflow.contracts.Topics;
import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import io.paymentflow.standin.InferenceStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * What the four images need around them, started in this JVM on free ports: a KRaft broker with the
 * two topics, Temporal's test server bound to a port, and the inference stand-in. PostgreSQL is the
 * one already running on this machine (CI starts it). The containers use host networking, so
 * 127.0.0.1 here is 127.0.0.1 there.
 */
final class SmokeDependencies implements AutoCloseable {

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private EmbeddedKafkaKraftBroker kafka;
  private int temporalPort;
  private InferenceStandIn standIn;

  SmokeDependencies start() {
    kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.INPUT, Topics.DLQ);
    kafka.afterPropertiesSet();
    started.push(kafka::destroy);

    EmbeddedTemporalServer temporal = new EmbeddedTemporalServer();
    temporalPort = temporal.port();
    started.push(temporal::close);

    standIn = InferenceStandIn.start(0);
    started.push(standIn::close);
    return this;
  }

  String kafkaBootstrap() {
    return kafka.getBrokersAsString();
  }

  String temporalTarget() {
    return "127.0.0.1:" + temporalPort;
  }

  String inferenceUrl() {
    return "http://127.0.0.1:" + standIn.port();
  }

  long inferenceRequests(String path) {
    return standIn.requestCount(path);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("while stopping a smoke dependency: " + e);
      }
    }
  }
}
