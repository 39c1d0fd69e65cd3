package io.paymentflow.embeddedpostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stops a server once every process it serves has exited. Each such process is an anchor file named
 * by its pid under {@code <base>/anchors}; each gets a small watcher of its own ({@code setsid sh},
 * outliving the JVM that asked), which waits for its anchor to exit and then stops the server
 * unless another anchor is still alive.
 */
final class ServerWatch {

  private static final String SCRIPT =
      """
      me=%d; anchors=%s
      while kill -0 "$me" 2>/dev/null; do sleep 1; done
      rm -f "$anchors/$me"
      for anchor in "$anchors"/*; do
        [ -e "$anchor" ] || continue
        kill -0 "${anchor##*/}" 2>/dev/null && exit 0
        rm -f "$anchor"
      done
      exec %s
      """;

  private final Path base;
  private final List<String> stopCommand;

  ServerWatch(Path base, List<String> stopCommand) {
    this.base = base;
    this.stopCommand = stopCommand;
  }

  void add(ProcessHandle anchor) {
    Path anchors = base.resolve("anchors");
    try {
      Files.createDirectories(anchors);
      Files.writeString(anchors.resolve(Long.toString(anchor.pid())), "");
      String stop = stopCommand.stream().map(ServerWatch::quote).collect(Collectors.joining(" "));
      String script = SCRIPT.formatted(anchor.pid(), quote(anchors.toString()), stop);
      new ProcessBuilder("setsid", "sh", "-c", script)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("watch.log").toFile()))
          .start()
          .getOutputStream()
          .close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the watcher of the server in " + base, e);
    }
  }

  /** The last lines of a log, for error messages; empty when it cannot be read. */
  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
