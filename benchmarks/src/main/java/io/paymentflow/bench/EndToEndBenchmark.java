package io.paymentflow.bench;

import io.paymentflow.localrun.AppProcess;
import io.paymentflow.localrun.DemoEvents;
import io.paymentflow.localrun.DemoRecord;
import io.paymentflow.localrun.LocalRunOptions;
import io.paymentflow.localrun.LocalSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./benchmark}: the whole system (the local run, every app its own process) under increasing
 * offered load until it saturates; event-to-row latency percentiles, completed events/s, and each
 * app's memory and time to ready. Prints a table and writes CSV and a PNG.
 *
 * <p>Options: {@code --loads=50,100,200,300,400,600} (events/s), {@code --seconds=15} per step,
 * {@code --out=docs/benchmarks}, {@code --temporal=host:port} for a real Temporal server.
 */
public final class EndToEndBenchmark {

  private EndToEndBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    int[] loads =
        Arrays.stream(options.getOrDefault("loads", "50,100,200,300,400,600").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
    Path root = Path.of(System.getenv().getOrDefault("PAYMENTFLOW_HOME", ".")).toAbsolutePath();
    Path out = root.resolve(options.getOrDefault("out", "docs/benchmarks"));
    Files.createDirectories(out);
    LocalRunOptions runOptions = runOptions(options, root);
    String server = server(runOptions);

    try (LocalSystem system = new LocalSystem(runOptions, System.out).start()) {
      List<LoadResult> results = ramp(system, loads, seconds);
      List<String> footprint = footprint(system, root);
      String table = table(server, results, footprint);
      System.out.println("\n" + table);
      Files.writeString(
          out.resolve("end-to-end.csv"),
          LoadResult.CSV_HEADER
              + "\n"
              + String.join("\n", results.stream().map(LoadResult::csv).toList())
              + "\n");
      Files.writeString(out.resolve("end-to-end.md"), table);
      Charts.write(results, "paymentflow end to end on " + server, out.resolve("end-to-end.png"));
      System.out.println("Wrote " + out.resolve("end-to-end.csv") + ", .md and .png");
    }
    System.exit(0);
  }

  /** The local run on ephemeral ports, on the given Temporal server if --temporal is set. */
  static LocalRunOptions runOptions(Map<String, String> options, Path root) {
    LocalRunOptions runOptions =
        LocalRunOptions.parse(new String[] {"--events=0"}, System.getenv())
            .onEphemeralPorts(root.resolve(".local-run/benchmark"));
    return options.containsKey("temporal")
        ? runOptions.withTemporalTarget(options.get("temporal"))
        : runOptions;
  }

  static String server(LocalRunOptions runOptions) {
    return runOptions.external().temporal() == null
        ? "in-JVM Temporal test server"
        : "Temporal at " + runOptions.external().temporal();
  }

  /**
   * A warm-up, then each offered load in turn until the system saturates (completes below 85 % of
   * what is offered).
   */
  static List<LoadResult> ramp(LocalSystem system, int[] loads, int seconds) throws Exception {
    LoadStep step = new LoadStep(system);
    System.out.println("\nWarm-up: 400 events at 100/s");
    step.run(100, 400, Duration.ofMinutes(3));

    List<LoadResult> results = new ArrayList<>();
    for (int load : loads) {
      System.out.printf("%nOffered load %d events/s for %d s%n", load, seconds);
      LoadResult result = step.run(load, load * seconds, Duration.ofMinutes(5));
      results.add(result);
      System.out.println(result.row());
      if (result.completedPerSecond() < 0.85 * load) {
        System.out.println("Saturated: completed below 85% of offered; stopping the ramp.");
        break;
      }
    }
    return results;
  }

  /** The table's header and separator, with the CPU column naming the processes measured. */
  static String header(List<LoadResult> results) {
    return "| offered/s | events | completed/s | p50 ms | p95 ms | p99 ms | lost | max RSS MiB (bridge / workflow / inference / db) | CPU ms/event: total ("
        + (results.isEmpty() ? "" : results.get(0).cpu().names())
        + ") |\n|---:|---:|---:|---:|---:|---:|---:|---|---|\n";
  }

  /** Time to ready of each app restarted alone on an idle system, and image sizes if built. */
  private static List<String> footprint(LocalSystem system, Path root) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String app : LocalSystem.APPS) {
      long rss = RssSampler.rssKiB(system.app(app).pid()) / 1024;
      system.app(app).stop(Duration.ofSeconds(30));
      AppProcess restarted = system.startApp(app);
      restarted.awaitReady(Duration.ofMinutes(2));
      Path image = root.resolve(app).resolve("target/jib-image.tar");
      lines.add(
          String.format(
              Locale.ROOT,
              "| %-26s | %5d MiB | %5.1f s | %s |",
              app,
              rss,
              restarted.timeToReady().toMillis() / 1000.0,
              Files.exists(image)
                  ? Files.size(image) / (1024 * 1024) + " MiB (tar)"
                  : "not built"));
    }
    return lines;
  }

  private static String table(String server, List<LoadResult> results, List<String> footprint) {
    StringBuilder s = new StringBuilder();
    s.append("End to end on ")
        .append(server)
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores\n\n");
    s.append(header(results));
    for (LoadResult r : results) {
      s.append(r.row()).append('\n');
    }
    s.append(
        "\n| app | RSS after the ramp | ready after start (alone) | image |\n|---|---:|---:|---|\n");
    footprint.forEach(line -> s.append(line).append('\n'));
    return s.toString();
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new java.util.HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("options are --name=value: " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }

  /** Valid, distinct payment events only: the benchmark measures the happy path's capacity. */
  static List<DemoRecord> paymentsOnly(DemoEvents demo, int count) {
    return demo.generate(count * 2).stream()
        .filter(r -> r.kind() == DemoRecord.Kind.PAYMENT)
        .limit(count)
        .toList();
  }
}
