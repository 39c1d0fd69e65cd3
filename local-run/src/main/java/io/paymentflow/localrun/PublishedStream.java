package io.paymentflow.localrun;

import io.paymentflow.localrun.DemoRecord.Kind;
import java.util.List;

/**
 * What a stream published: its records in order, where each landed in Kafka, and the marker its
 * payment event ids carry.
 */
public record PublishedStream(
    String marker, List<DemoRecord> records, List<RowCounter.Coordinates> coordinates) {

  public long count(Kind kind) {
    return records.stream().filter(r -> r.kind() == kind).count();
  }

  /** Where the records that must each become one quarantine row were published. */
  public List<RowCounter.Coordinates> quarantineBound() {
    return java.util.stream.IntStream.range(0, records.size())
        .filter(
            i -> records.get(i).kind() == Kind.POISON || records.get(i).kind() == Kind.DLQ_PAYLOAD)
        .mapToObj(coordinates::get)
        .toList();
  }
}
