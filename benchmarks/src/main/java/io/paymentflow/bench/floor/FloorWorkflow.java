package io.paymentflow.bench.floor;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The payment workflow's shape with nothing in it: a local activity, three concurrent activities on
 * one task queue, then one on another. What Temporal itself costs per event on this machine.
 */
@WorkflowInterface
public interface FloorWorkflow {

  @WorkflowMethod
  String run(String event);
}
