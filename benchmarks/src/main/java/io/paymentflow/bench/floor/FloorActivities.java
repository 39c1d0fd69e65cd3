package io.paymentflow.bench.floor;

import io.temporal.activity.ActivityInterface;

/** Activities that do nothing but take the event and answer, as the real ones' payloads do. */
@ActivityInterface
public interface FloorActivities {

  String validate(String event);

  String enrich(String event);

  String persist(String event);
}
