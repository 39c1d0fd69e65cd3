package io.paymentflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The peak resident set size of some processes, sampled every 500 ms from /proc. */
final class RssSampler implements AutoCloseable {

  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
  private final ConcurrentHashMap<Long, Long> peakKiB = new ConcurrentHashMap<>();

  RssSampler(List<Long> pids) {
    sampler.scheduleAtFixedRate(
        () -> pids.forEach(pid -> peakKiB.merge(pid, rssKiB(pid), Math::max)),
        0,
        500,
        TimeUnit.MILLISECONDS);
  }

  long peakMiB(long pid) {
    return peakKiB.getOrDefault(pid, 0L) / 1024;
  }

  static long rssKiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Gone, or not Linux: no sample.
    }
    return 0;
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
