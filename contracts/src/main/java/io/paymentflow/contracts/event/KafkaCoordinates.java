package io.paymentflow.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a record was read, and what it held: the identity of a Kafka record, and so an idempotency
 * key (CONTRACTS section 2.1).
 *
 * <p>Topic, partition and offset alone are not an identity: a topic deleted and created again, a
 * log truncated by an unclean leader election, or a second cluster (a disaster-recovery failover, a
 * local run against a database another broker wrote to) hands out offsets that earlier records had.
 * So a record is also known by {@code record_hash}, a hash of its value: a new record at a reused
 * offset is a new record, a redelivered one is the same record.
 *
 * @param recordHash {@link #hashOf} the record's value; null in coordinates written before it
 *     existed, which then stand for whatever record was read there
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KafkaCoordinates(
    @JsonProperty("topic") String topic,
    @JsonProperty("partition") int partition,
    @JsonProperty("offset") long offset,
    @JsonProperty("record_hash") String recordHash) {

  /** Hex digits of the hash kept: 64 bits, told apart at one offset with certainty in practice. */
  public static final int HASH_LENGTH = 16;

  private static final HexFormat HEX = HexFormat.of();

  /** Coordinates without the record's hash: a test's, or those of a history from before it. */
  public KafkaCoordinates(String topic, int partition, long offset) {
    this(topic, partition, offset, null);
  }

  /** The coordinates of the record read at them whose value is {@code value} (null: none). */
  public static KafkaCoordinates of(String topic, int partition, long offset, byte[] value) {
    return new KafkaCoordinates(topic, partition, offset, hashOf(value));
  }

  /**
   * The first {@value #HASH_LENGTH} hex digits of the SHA-256 of {@code value} (no value hashes as
   * an empty one). Anyone holding the record computes the same, without asking this system.
   */
  public static String hashOf(byte[] value) {
    return hashOf(value == null ? null : ByteBuffer.wrap(value));
  }

  /** {@link #hashOf(byte[])} of the buffer's remaining bytes, which it leaves where they were. */
  public static String hashOf(ByteBuffer value) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    if (value != null) {
      sha256.update(value.duplicate());
    }
    return HEX.formatHex(sha256.digest(), 0, HASH_LENGTH / 2);
  }

  /** {@code topic-partition-offset}, for logs. */
  @Override
  public String toString() {
    return topic + "-" + partition + "-" + offset;
  }
}
