package io.paymentflow.bridge.start;

import java.util.Locale;

/** How Temporal acknowledged a start. Both are success: the record's workflow exists. */
public enum StartOutcome {
  /** This start created the workflow. */
  STARTED,
  /** The workflow already existed: running (USE_EXISTING) or closed (REJECT_DUPLICATE). */
  DUPLICATE;

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
