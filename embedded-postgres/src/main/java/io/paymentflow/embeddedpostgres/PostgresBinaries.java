package io.paymentflow.embeddedpostgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries of this machine's zonky bundle (a Maven artifact), unpacked once
 * into a directory named after the bundle's digest, so a new PostgreSQL version unpacks beside the
 * old one instead of over it.
 */
final class PostgresBinaries {

  private static final String COMPLETE = ".unpacked";

  private final Path home;

  private PostgresBinaries(Path home) {
    this.home = home;
  }

  /** The bundle unpacked under {@code parent}, unpacking it first when it is not there yet. */
  static PostgresBinaries unpackedUnder(Path parent) {
    try {
      byte[] bundle;
      try (InputStream in =
          DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), machine())) {
        bundle = in.readAllBytes();
      }
      Path home = parent.resolve("pgsql-" + digest(bundle).substring(0, 16));
      if (!Files.exists(home.resolve(COMPLETE))) {
        unpack(bundle, home);
      }
      return new PostgresBinaries(home);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the PostgreSQL binaries under " + parent, e);
    }
  }

  Path tool(String name) {
    return home.resolve("bin").resolve(name);
  }

  /** Into a fresh sibling first, then moved into place: a half-unpacked tree is never used. */
  private static void unpack(byte[] bundle, Path home) throws IOException {
    Files.createDirectories(home.getParent());
    Path staging = Files.createTempDirectory(home.getParent(), ".unpacking-");
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(bundle)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path target = staging.resolve(entry.getName()).normalize();
        if (!target.startsWith(staging)) {
          throw new IOException("bundle entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(target.getParent());
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          if ((entry.getMode() & 0100) != 0 || entry.getName().contains("bin/")) {
            target.toFile().setExecutable(true, false);
          }
        }
      }
    }
    Files.writeString(staging.resolve(COMPLETE), "");
    try {
      Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException raced) {
      // Another process unpacked the same bundle meanwhile: theirs is as good as ours.
      if (!Files.exists(home.resolve(COMPLETE))) {
        throw raced;
      }
      try (Stream<Path> leftovers = Files.walk(staging)) {
        leftovers.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String system() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    if (os.contains("linux")) {
      return "Linux";
    }
    if (os.contains("mac")) {
      return "Darwin";
    }
    throw new UnsupportedOperationException("no embedded PostgreSQL for " + os);
  }

  private static String machine() {
    String arch = System.getProperty("os.arch");
    return "amd64".equals(arch) ? "x86_64" : arch;
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
