package io.paymentflow.bench;

import io.paymentflow.localrun.DemoRecord;
import io.paymentflow.localrun.DemoStream;
import io.paymentflow.localrun.LocalSystem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One step of offered load: publish at a fixed rate, wait for every row, and measure each event
 * from the moment it was sent to the moment PostgreSQL stamped its row ({@code ingested_at}; same
 * machine, same clock).
 */
final class LoadStep {

  private static final Map<String, String> SHORT_NAMES =
      Map.of(
          "kafka-bridge", "bridge",
          "workflow-worker", "workflow",
          "activity-worker-inference", "inference",
          "activity-worker-db", "db");

  private final LocalSystem system;

  LoadStep(LocalSystem system) {
    this.system = system;
  }

  LoadResult run(int perSecond, int events, Duration drainTimeout) throws Exception {
    var demo = DemoStream.newDemo(system);
    List<DemoRecord> records = EndToEndBenchmark.paymentsOnly(demo, events);
    List<Long> pids = LocalSystem.APPS.stream().map(a -> system.app(a).pid()).toList();
    Map<String, Long> apps = new LinkedHashMap<>();
    for (String app :
        List.of(
            "kafka-bridge", "workflow-worker", "activity-worker-inference", "activity-worker-db")) {
      apps.put(SHORT_NAMES.get(app), system.app(app).pid());
    }
    Map<String, Long> sentAt = new HashMap<>();
    long firstSend;
    try (RssSampler rss = new RssSampler(pids);
        KafkaProducer<byte[], byte[]> producer = producer()) {
      CpuTimes cpuBefore = CpuTimes.read(apps);
      long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
      long next = System.nanoTime();
      firstSend = System.currentTimeMillis();
      for (DemoRecord record : records) {
        LockSupport.parkNanos(next - System.nanoTime());
        next += interval;
        sentAt.put(record.eventId(), System.currentTimeMillis());
        producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value()));
      }
      producer.flush();
      Map<String, Long> landed = awaitRows(demo.eventIdMarker(), records.size(), drainTimeout);
      CpuTimes.PerEvent cpu = CpuTimes.read(apps).perEventSince(cpuBefore, landed.size());
      long[] latencies =
          landed.entrySet().stream()
              .mapToLong(e -> e.getValue() - sentAt.get(e.getKey()))
              .sorted()
              .toArray();
      long last = landed.values().stream().mapToLong(Long::longValue).max().orElse(firstSend);
      double elapsed = Math.max(1, last - firstSend) / 1000.0;
      String memory =
          String.join(" / ", pids.stream().map(pid -> Long.toString(rss.peakMiB(pid))).toList());
      return new LoadResult(
          perSecond,
          records.size(),
          landed.size() / elapsed,
          percentile(latencies, 50),
          percentile(latencies, 95),
          percentile(latencies, 99),
          records.size() - landed.size(),
          reorder(memory),
          cpu);
    }
  }

  /** APPS starts the db worker first; the table lists bridge, workflow, inference, db. */
  private static String reorder(String dbWorkflowInferenceBridge) {
    String[] m = dbWorkflowInferenceBridge.split(" / ");
    return String.join(" / ", m[3], m[1], m[2], m[0]);
  }

  private Map<String, Long> awaitRows(String marker, int expected, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Long> rows = Map.of();
    while (System.nanoTime() < deadline) {
      rows = rows(marker);
      if (rows.size() >= expected) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    return rows;
  }

  private Map<String, Long> rows(String marker) throws Exception {
    Map<String, Long> rows = new HashMap<>();
    try (Connection db = system.postgres().connect();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT event_id, (extract(epoch FROM ingested_at) * 1000)::bigint"
                    + " FROM payment_events WHERE event_id LIKE ?")) {
      query.setString(1, "%" + marker + "%");
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          rows.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return rows;
  }

  static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            system.options().kafkaBootstrap(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            2),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }
}
