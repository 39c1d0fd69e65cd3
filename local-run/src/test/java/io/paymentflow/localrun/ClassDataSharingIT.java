package io.paymentflow.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's life on a real app jar: extracted and recorded on the first start, used on the
 * next, redone when the jar is rebuilt, and nothing kept from a start that recorded nothing.
 */
class ClassDataSharingIT {

  @TempDir Path work;

  @Test
  void recordsOnceUsesAfterwardsAndStartsOverForANewJar() throws Exception {
    Path jar = copyOfAppJar();
    ClassDataSharing cds = ClassDataSharing.of(jar);

    ClassDataSharing.Launch first = cds.prepare();
    assertThat(first.jar()).exists().isNotEqualTo(jar);
    assertThat(first.recording()).isNotNull();
    assertThat(first.options()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    assertThat(runToRefresh(first)).isZero();
    cds.recorded(first.recording());

    ClassDataSharing.Launch second = cds.prepare();
    assertThat(second.recording()).isNull();
    assertThat(second.options()).contains("-XX:SharedArchiveFile=" + archive(jar));
    assertThat(runToRefresh(second)).isZero();

    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
    ClassDataSharing.Launch rebuilt = cds.prepare();
    assertThat(archive(jar)).doesNotExist();
    assertThat(rebuilt.recording()).isNotNull();
  }

  @Test
  void aStartThatRecordedNothingLeavesNothingBehind() throws Exception {
    Path jar = copyOfAppJar();
    ClassDataSharing cds = ClassDataSharing.of(jar);
    ClassDataSharing.Launch launch = cds.prepare();

    cds.recorded(launch.recording()); // as after kill -9: the JVM never wrote it

    assertThat(archive(jar)).doesNotExist();
    assertThat(launch.recording()).doesNotExist();
    assertThat(cds.prepare().recording()).isNotNull();
  }

  private Path copyOfAppJar() throws Exception {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    Path jar = AppProcess.appJar(root, LocalSystem.WORKFLOW_WORKER);
    Path copy = Files.createDirectories(work.resolve("target")).resolve(jar.getFileName());
    return Files.copy(jar, copy);
  }

  private static Path archive(Path jar) {
    return jar.resolveSibling("cds").resolve("app.jsa");
  }

  /** Starts the app up to its refreshed context, which needs no Temporal, and lets it exit. */
  private static int runToRefresh(ClassDataSharing.Launch launch) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(launch.options());
    command.addAll(
        List.of(
            "-Dspring.context.exit=onRefresh", "-Dserver.port=0", "-jar", launch.jar().toString()));
    Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
    app.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(app.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return app.exitValue();
  }
}
