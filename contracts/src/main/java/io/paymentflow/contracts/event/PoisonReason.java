package io.paymentflow.contracts.event;

/** Why the bridge could not read a record as its contract says (CONTRACTS section 4). */
public enum PoisonReason {
  INVALID_ENCODING,
  INVALID_JSON,
  MISSING_EVENT_ID,
  INVALID_FIELD,
  /** Larger than the bridge's configured bound; quarantined without being parsed. */
  RECORD_TOO_LARGE
}
