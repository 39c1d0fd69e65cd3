package io.paymentflow.k3s;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A one-node K3s cluster in a container, driven with the kubectl (and kustomize, and ctr) inside
 * it, so the machine needs nothing but Docker. Commands that fail fail the test with their output.
 */
final class K3sCluster implements AutoCloseable {

  private final K3sContainer k3s;

  private K3sCluster(String image) {
    k3s = new K3sContainer(DockerImageName.parse(image));
    // The two NodePorts the test JVM uses: Kafka's external listener and PostgreSQL.
    k3s.addExposedPorts(ClusterLayout.KAFKA_NODE_PORT, ClusterLayout.POSTGRES_NODE_PORT);
  }

  static K3sCluster start(String image) {
    K3sCluster cluster = new K3sCluster(image);
    System.out.println("[k3s] starting " + image);
    cluster.k3s.start();
    System.out.println("[k3s] up: " + cluster.run("kubectl", "get", "nodes", "-o", "wide"));
    return cluster;
  }

  /** The host and port at which the test JVM reaches a NodePort of the cluster. */
  String address(int nodePort) {
    return k3s.getHost() + ":" + k3s.getMappedPort(nodePort);
  }

  String host() {
    return k3s.getHost();
  }

  int mappedPort(int nodePort) {
    return k3s.getMappedPort(nodePort);
  }

  String kubectl(String... args) {
    List<String> command = new ArrayList<>(List.of("kubectl"));
    command.addAll(List.of(args));
    return run(command.toArray(String[]::new));
  }

  /** Runs a command on the node; its stdout, or an AssertionError with everything it printed. */
  String run(String... command) {
    ExecResult result = exec(command);
    if (result.getExitCode() != 0) {
      throw new AssertionError(
          String.join(" ", command)
              + " failed (exit "
              + result.getExitCode()
              + "):\n"
              + result.getStdout()
              + result.getStderr());
    }
    return result.getStdout();
  }

  /** Runs a command on the node whatever its outcome (diagnostics, which must never throw). */
  ExecResult exec(String... command) {
    try {
      return k3s.execInContainer(command);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }

  /** Copies a file or a whole directory from this machine onto the node. */
  void copy(Path hostPath, String nodePath) {
    k3s.copyFileToContainer(MountableFile.forHostPath(hostPath), nodePath);
  }

  /** Writes a file on the node: a regular file only its owner (root) can read. */
  void write(String content, String nodePath) {
    k3s.copyFileToContainer(Transferable.of(content, 0100600), nodePath);
  }

  /** The K3s server's own log (kubelet, containerd, the API server). */
  String serverLog() {
    return k3s.getLogs();
  }

  @Override
  public void close() {
    k3s.stop();
  }
}
