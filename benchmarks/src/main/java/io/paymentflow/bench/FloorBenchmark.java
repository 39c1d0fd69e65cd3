package io.paymentflow.bench;

import io.paymentflow.bench.floor.FloorRun;
import io.paymentflow.bench.floor.FloorWorker;
import io.paymentflow.localrun.AppProcess;
import io.paymentflow.localrun.DemoStream;
import io.paymentflow.localrun.LocalRunOptions;
import io.paymentflow.localrun.LocalSystem;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./benchmark-floor}: what Temporal itself allows on this machine, against what our pipeline
 * does, in one run on one Temporal server. The floor is the payment workflow's shape with
 * activities that do nothing (three worker processes with our apps' worker options, a plain
 * concurrent starter instead of Kafka); the pipeline is the end-to-end ramp of {@code ./benchmark}.
 * The last line is {@code end-to-end/floor = R (ours X/s, floor Y/s, server S)}.
 *
 * <p>Options: {@code --temporal=host:port}, {@code --workflows=3000} and {@code --in-flight=200}
 * for the floor, {@code --loads=50,75,100,125,150,200} and {@code --seconds=20} for the pipeline,
 * {@code --out=docs/benchmarks}.
 */
public final class FloorBenchmark {

  private static final List<String> ROLES = List.of("workflows", "inference", "persistence");

  private FloorBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = EndToEndBenchmark.parse(args);
    int workflows = Integer.parseInt(options.getOrDefault("workflows", "3000"));
    int inFlight = Integer.parseInt(options.getOrDefault("in-flight", "200"));
    int[] loads =
        Arrays.stream(options.getOrDefault("loads", "50,75,100,125,150,200").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    Path root = Path.of(System.getenv().getOrDefault("PAYMENTFLOW_HOME", ".")).toAbsolutePath();
    Path jar = Path.of(System.getenv("PAYMENTFLOW_BENCH_JAR"));
    Path out = root.resolve(options.getOrDefault("out", "docs/benchmarks"));
    Files.createDirectories(out);
    LocalRunOptions runOptions = EndToEndBenchmark.runOptions(options, root);
    String server = EndToEndBenchmark.server(runOptions);

    try (LocalSystem system = new LocalSystem(runOptions, System.out).start()) {
      String target = system.options().temporalAddress();
      String event =
          new String(
              EndToEndBenchmark.paymentsOnly(DemoStream.newDemo(system), 1).get(0).value(),
              StandardCharsets.UTF_8);

      FloorRun.Result floor;
      List<Process> workers = new ArrayList<>();
      // The floor connects as the apps do.
      String compression = system.temporalGrpcCompression();
      System.out.println("gRPC compression to Temporal: " + compression);
      WorkflowServiceStubs service =
          WorkflowServiceStubs.newServiceStubs(FloorWorker.options(target, compression));
      try {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String role : ROLES) {
          Process worker =
              startWorker(
                  jar, role, target, compression, root.resolve(".local-run/benchmark/logs"));
          workers.add(worker);
          pids.put("floor-" + role, worker.pid());
        }
        FloorRun run = new FloorRun(WorkflowClient.newInstance(service), pids, event);
        System.out.printf("%nFloor warm-up: 300 workflows, %d in flight%n", inFlight);
        run.run(300, inFlight);
        System.out.printf("Floor: %d workflows, %d in flight%n", workflows, inFlight);
        floor = run.run(workflows, inFlight);
        System.out.printf(
            Locale.ROOT,
            "floor: %.1f completed/s, %d failed, CPU ms/workflow %s (%s)%n",
            floor.completedPerSecond(),
            floor.failed(),
            floor.cpu().cell(),
            floor.cpu().names());
      } finally {
        for (Process worker : workers) {
          worker.destroy();
        }
        for (Process worker : workers) {
          worker.waitFor(20, TimeUnit.SECONDS);
        }
        service.shutdown();
      }

      List<LoadResult> results = EndToEndBenchmark.ramp(system, loads, seconds);
      double ours = results.stream().mapToDouble(LoadResult::completedPerSecond).max().orElse(0);
      String ratio =
          String.format(
              Locale.ROOT,
              "end-to-end/floor = %.2f (ours %.1f/s, floor %.1f/s, server %s)",
              ours / floor.completedPerSecond(),
              ours,
              floor.completedPerSecond(),
              server);
      String report = report(server, floor, workflows, inFlight, results, ratio);
      Files.writeString(out.resolve("floor.md"), report);
      System.out.println("\n" + report);
      System.out.println(ratio);
    }
    System.exit(0);
  }

  private static Process startWorker(
      Path jar, String role, String target, String compression, Path logs) throws IOException {
    Files.createDirectories(logs);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(AppProcess.jvmOptions());
    command.addAll(
        List.of(
            "-cp",
            jar.toString(),
            "-Dloader.main=" + FloorWorker.class.getName(),
            "org.springframework.boot.loader.launch.PropertiesLauncher",
            role,
            target));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectError(
                ProcessBuilder.Redirect.appendTo(logs.resolve("floor-" + role + ".log").toFile()));
    builder.environment().put("TEMPORAL_WORKER_TEMPORAL_GRPC_COMPRESSION", compression);
    Process process = builder.start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = lines.readLine();
    if (!"ready".equals(line)) {
      throw new IllegalStateException(
          "floor worker " + role + " did not start (" + line + "); see " + logs);
    }
    return process;
  }

  private static String report(
      String server,
      FloorRun.Result floor,
      int workflows,
      int inFlight,
      List<LoadResult> results,
      String ratio) {
    StringBuilder s = new StringBuilder();
    s.append("Floor and end to end on ")
        .append(server)
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ")
        .append(LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES))
        .append("\n\n");
    s.append("| floor | workflows | in flight | completed/s | failed | CPU ms/workflow: total (")
        .append(floor.cpu().names())
        .append(") |\n|---|---:|---:|---:|---:|---|\n");
    s.append(
        String.format(
            Locale.ROOT,
            "| no-op activities | %d | %d | %.1f | %d | %s |%n%n",
            workflows,
            inFlight,
            floor.completedPerSecond(),
            floor.failed(),
            floor.cpu().cell()));
    s.append(EndToEndBenchmark.header(results));
    results.forEach(result -> s.append(result.row()).append('\n'));
    s.append('\n').append(ratio).append('\n');
    return s.toString();
  }
}
