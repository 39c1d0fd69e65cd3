package io.paymentflow.contracts.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How {@code original_payload} holds the raw bytes: as text when they were UTF-8, else base64. */
public enum PayloadEncoding {
  @JsonProperty("utf8")
  UTF8,
  @JsonProperty("base64")
  BASE64;

  /** The value stored in {@code payment_events_quarantine.payload_encoding}. */
  public String columnValue() {
    return this == UTF8 ? "utf8" : "base64";
  }
}
