package io.paymentflow.contracts.payment;

/** The values of the {@code status} query of {@link PaymentEventWorkflow}. */
public final class WorkflowStatus {
  public static final String INITIALIZED = "initialized";
  public static final String VALIDATING = "validating";
  public static final String ENRICHING = "enriching";
  public static final String PERSISTING = "persisting";
  public static final String COMPLETED = "completed";

  private WorkflowStatus() {}
}
