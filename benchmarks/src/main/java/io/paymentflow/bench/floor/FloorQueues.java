package io.paymentflow.bench.floor;

/** The floor's own task queues, so its workers never take the pipeline's tasks. */
public final class FloorQueues {

  public static final String WORKFLOWS = "floor-workflows";
  public static final String INFERENCE = "floor-inference";
  public static final String PERSISTENCE = "floor-persistence";

  private FloorQueues() {}
}
