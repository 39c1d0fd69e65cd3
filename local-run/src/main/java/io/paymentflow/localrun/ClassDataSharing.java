package io.paymentflow.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Starts an app from a class-data sharing archive of its own classes, which the JVM maps instead of
 * loading and verifying them one by one: most of a worker's start on a slow core is class loading.
 *
 * <p>Java 17's dynamic archive needs plain jars on the class path, so the Boot jar is extracted
 * once next to itself ({@code target/cds/app}, Spring Boot's {@code jarmode=tools}). The first
 * start of a jar records the archive as the app exits (a normal exit or SIGTERM; a {@code kill -9}
 * records nothing and the next start tries again), to a file of its own that {@link #recorded} then
 * moves into place, so apps started together never write one file. A rebuilt jar is extracted and
 * recorded afresh. If the JVM cannot use an archive, it says so in the app's log and starts without
 * it.
 */
final class ClassDataSharing {

  private final Path bootJar;
  private final Path directory;
  private final Path archive;

  private ClassDataSharing(Path bootJar) {
    this.bootJar = bootJar;
    this.directory = bootJar.resolveSibling("cds");
    this.archive = directory.resolve("app.jsa");
  }

  static ClassDataSharing of(Path bootJar) {
    return new ClassDataSharing(bootJar);
  }

  /** The JVM options and the jar to launch, extracting the jar first where needed. */
  Launch prepare() {
    // One app's starts may overlap (a test restarting it); extraction must not.
    synchronized (ClassDataSharing.class) {
      return prepareLocked();
    }
  }

  private Launch prepareLocked() {
    Path extractedJar = directory.resolve("app").resolve(bootJar.getFileName());
    String source = fingerprint();
    Path sourceFile = directory.resolve("source");
    try {
      if (!Files.exists(extractedJar)
          || !Files.exists(sourceFile)
          || !Files.readString(sourceFile).equals(source)) {
        extract();
        Files.deleteIfExists(archive);
        Files.writeString(sourceFile, source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + directory, e);
    }
    List<String> options = new ArrayList<>();
    // The recording lists every class it cannot archive as a warning; those are expected.
    options.add("-Xlog:cds=error,cds+dynamic=error");
    Path recording = null;
    if (Files.exists(archive)) {
      options.add("-XX:SharedArchiveFile=" + archive);
    } else {
      recording = directory.resolve("app-" + UUID.randomUUID() + ".jsa.recording");
      options.add("-XX:ArchiveClassesAtExit=" + recording);
    }
    return new Launch(options, extractedJar, recording);
  }

  /** After the app exited: keeps what it recorded as the archive, if it recorded anything. */
  void recorded(Path recording) {
    try {
      if (Files.exists(recording) && Files.size(recording) > 0) {
        Files.move(
            recording,
            archive,
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.deleteIfExists(recording);
      }
    } catch (IOException e) {
      // No archive this time; the next start records again.
    }
  }

  private String fingerprint() {
    try {
      return bootJar.getFileName()
          + " "
          + Files.size(bootJar)
          + " "
          + Files.getLastModifiedTime(bootJar).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + bootJar, e);
    }
  }

  private void extract() throws IOException {
    Files.createDirectories(directory);
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djarmode=tools",
            "-jar",
            bootJar.toString(),
            "extract",
            "--force",
            "--destination",
            directory.resolve("app").toString());
    Process extract = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
        throw new IOException("extracting " + bootJar + " failed:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted extracting " + bootJar, e);
    }
  }

  /** How to launch: JVM options, the extracted jar, and where a recording goes (or null). */
  record Launch(List<String> options, Path jar, Path recording) {}
}
