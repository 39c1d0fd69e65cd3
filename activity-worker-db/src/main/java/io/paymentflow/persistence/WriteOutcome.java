package io.paymentflow.persistence;

import java.util.Locale;

/** What a write did; the {@code outcome} tag of the {@code persistence.write} timer. */
enum WriteOutcome {
  /** A new row. */
  INSERTED,
  /** An existing row was refreshed: for an upsert, a re-run that changed the row's content. */
  UPDATED,
  /** The row was already there and was left alone. */
  DUPLICATE,
  /** The write threw; Temporal decides from the failure whether to run it again. */
  FAILED;

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
