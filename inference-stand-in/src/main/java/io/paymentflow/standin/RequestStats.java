package io.paymentflow.standin;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests seen per path, and the last body per path: what tests need to prove that retries
 * happened and that a client sent the fields the contract names.
 */
final class RequestStats {

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Map<String, String> lastBodies = new ConcurrentHashMap<>();

  void record(String path, String body) {
    counts.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
    lastBodies.put(path, body);
  }

  long count(String path) {
    AtomicLong count = counts.get(path);
    return count == null ? 0 : count.get();
  }

  /** A sorted snapshot, so that its JSON form is stable. */
  Map<String, Long> counts() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((path, count) -> snapshot.put(path, count.get()));
    return snapshot;
  }

  Optional<String> lastBody(String path) {
    return Optional.ofNullable(lastBodies.get(path));
  }

  void reset() {
    counts.clear();
    lastBodies.clear();
  }
}
