package io.paymentflow.embeddedpostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which base directory the embedded server on a port runs from, so that another process of the same
 * user (a test JVM after the one that started it, the reliability suite) can reach its superuser or
 * stop and restart it. One small file per port in the user's cache, outside any repository.
 */
final class ServerRegistry {

  private ServerRegistry() {}

  static void record(int port, Path base) {
    try {
      Files.createDirectories(directory());
      Files.writeString(entry(port), base.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optional<Path> baseOf(int port) {
    try {
      Path entry = entry(port);
      return Files.isRegularFile(entry)
          ? Optional.of(Path.of(Files.readString(entry).strip()))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Forgets the port, unless another server has been recorded on it since. */
  static void forget(int port, Path base) {
    if (baseOf(port).filter(base::equals).isPresent()) {
      try {
        Files.deleteIfExists(entry(port));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Path entry(int port) {
    return directory().resolve("port-" + port);
  }

  /**
   * Where the project keeps what it builds or downloads outside any checkout: the scripts' {@code
   * ${PAYMENTFLOW_CACHE:-$HOME/.cache/paymentflow}}, so both agree when HOME is not the account's
   * home directory (Java's user.home).
   */
  static Path cacheRoot() {
    String cache = System.getenv("PAYMENTFLOW_CACHE");
    if (cache != null && !cache.isBlank()) {
      return Path.of(cache);
    }
    String home = System.getenv("HOME");
    return Path.of(
        home == null || home.isBlank() ? System.getProperty("user.home") : home,
        ".cache",
        "paymentflow");
  }

  private static Path directory() {
    return cacheRoot().resolve("embedded-postgres").resolve("servers");
  }
}
