package io.paymentflow.bench.floor;

/** Nothing: the floor measures Temporal, not work. */
public class FloorActivitiesImpl implements FloorActivities {

  @Override
  public String validate(String event) {
    return "valid";
  }

  @Override
  public String enrich(String event) {
    return "0.5";
  }

  @Override
  public String persist(String event) {
    return "inserted";
  }
}
