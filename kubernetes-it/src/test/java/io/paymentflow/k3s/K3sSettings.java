package io.paymentflow.k3s;

import java.nio.file.Path;

/** What a run reads from system properties; the pom sets them and each can be overridden (-D). */
final class K3sSettings {

  private K3sSettings() {}

  /** The repository root (the pom passes maven.multiModuleProjectDirectory). */
  static Path root() {
    return Path.of(System.getProperty("k3s.root", "..")).toAbsolutePath().normalize();
  }

  /** Where cluster state and every pod's log are saved at the end of a run. */
  static Path logs() {
    return Path.of(System.getProperty("k3s.logs", "target/k3s-logs")).toAbsolutePath();
  }

  /** True: a missing precondition (Docker, an image tar) fails the run instead of skipping it. */
  static boolean required() {
    return Boolean.getBoolean("k3s.required");
  }

  static String k3sImage() {
    return System.getProperty("k3s.image", "rancher/k3s:v1.31.4-k3s1");
  }

  static int streamRecords() {
    return Integer.getInteger("k3s.stream.records", 2_000);
  }

  /**
   * Records per second. Slow on purpose: the stream must outlast two JVM pods starting for the
   * inference worker and a new bridge starting and taking over, on a node where the dev overlay
   * gives each pod half a CPU; the test fails if the roll finishes after the last record was sent.
   */
  static int streamRate() {
    return Integer.getInteger("k3s.stream.rate", 10);
  }
}
