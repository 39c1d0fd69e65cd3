package io.paymentflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of each process under test, read from /proc: taken before and after a
 * measured window, the difference divided by the events completed is the CPU cost per event.
 *
 * <p>PostgreSQL is every process named {@code postgres}; its exited backends' time is in the
 * postmaster's {@code cutime}/{@code cstime}, which are added too. The harness is this JVM: the
 * Kafka broker, the in-JVM Temporal server, the inference stand-in and the load generator itself.
 */
public record CpuTimes(Map<String, Long> millis) {

  /** Linux reports /proc times in USER_HZ, which is 100 on every architecture Java runs on here. */
  private static final long TICK_MILLIS = 10;

  static final String HARNESS = "harness";
  static final String POSTGRES = "postgres";
  static final String TEMPORAL = "temporal";

  /** A snapshot of these app processes, this JVM, PostgreSQL and an external Temporal server. */
  public static CpuTimes read(Map<String, Long> apps) {
    Map<String, Long> millis = new LinkedHashMap<>();
    apps.forEach((name, pid) -> millis.put(name, ticks(pid, false) * TICK_MILLIS));
    // Not its children's time: the apps are this JVM's children.
    millis.put(HARNESS, ticks(ProcessHandle.current().pid(), false) * TICK_MILLIS);
    millis.put(POSTGRES, named("postgres") * TICK_MILLIS);
    millis.put(TEMPORAL, named("temporal-server") * TICK_MILLIS);
    return new CpuTimes(millis);
  }

  /** CPU ms per event between {@code before} and this snapshot, per process and in total. */
  public PerEvent perEventSince(CpuTimes before, long events) {
    Map<String, Double> perEvent = new LinkedHashMap<>();
    millis.forEach(
        (name, now) ->
            perEvent.put(
                name, (now - before.millis.getOrDefault(name, 0L)) / (double) Math.max(1, events)));
    return new PerEvent(perEvent);
  }

  /** CPU milliseconds per completed event, by process. */
  public record PerEvent(Map<String, Double> byProcess) {

    public double total() {
      return byProcess.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** "38.8 (5.1 / 8.2 / ...)" in the order of {@link #names()}. */
    public String cell() {
      return String.format(
          Locale.ROOT,
          "%.1f (%s)",
          total(),
          String.join(
              " / ",
              byProcess.values().stream()
                  .map(value -> String.format(Locale.ROOT, "%.1f", value))
                  .toList()));
    }

    public String names() {
      return String.join(" / ", byProcess.keySet());
    }
  }

  /**
   * utime + stime (+ cutime + cstime: its reaped children's) of one process, in ticks; 0 if gone.
   */
  private static long ticks(long pid, boolean withReapedChildren) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command, which is in parentheses and may itself contain spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // utime, stime, cutime, cstime are fields 14-17 of stat(5): 11-14 counted from the state.
      return (withReapedChildren ? List.of(11, 12, 13, 14) : List.of(11, 12))
          .stream().mapToLong(i -> Long.parseLong(fields[i])).sum();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Summed ticks of every process whose command name is {@code name}. */
  private static long named(String name) {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(dir -> name.equals(command(dir)))
          .mapToLong(dir -> ticks(Long.parseLong(dir.getFileName().toString()), true))
          .sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static String command(Path process) {
    try {
      return Files.readString(process.resolve("comm")).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
