package io.paymentflow.contracts;

/**
 * What runs the workflow code: each workflow the sticky cache holds keeps at least one thread
 * parked between its tasks, and that thread is most of what a cached workflow costs in memory (a
 * platform thread's stack is committed native memory, about 100 KiB touched each; a virtual
 * thread's stack is a heap object sized to what it uses). See docs/benchmarks.md. Here, not in the
 * workflow worker, because the floor benchmark's workflow worker must decide the same way ({@code
 * TEMPORAL_WORKER_WORKFLOW_THREADS}, CONTRACTS section 2).
 */
public enum WorkflowThreads {
  /** Platform threads, the SDK's default. */
  PLATFORM,
  /** Virtual threads; the SDK supports them from Java 21. */
  VIRTUAL,
  /**
   * Virtual threads from Java 24 on, platform threads before. Until 24 a virtual thread that blocks
   * inside a {@code synchronized} block pins its carrier (JEP 491 lifted that), and there are only
   * as many carriers as cores: a few pinned workflow threads would stall every other one.
   */
  AUTO;

  static final int VIRTUAL_FROM_JAVA = 21;
  static final int AUTO_VIRTUAL_FROM_JAVA = 24;

  /** Whether the worker uses virtual workflow threads on a runtime of this feature release. */
  public boolean virtualOn(int javaFeatureRelease) {
    return switch (this) {
      case PLATFORM -> false;
      case AUTO -> javaFeatureRelease >= AUTO_VIRTUAL_FROM_JAVA;
      case VIRTUAL -> {
        if (javaFeatureRelease < VIRTUAL_FROM_JAVA) {
          throw new IllegalStateException(
              "TEMPORAL_WORKER_WORKFLOW_THREADS=virtual needs Java "
                  + VIRTUAL_FROM_JAVA
                  + " or later; this runtime is Java "
                  + javaFeatureRelease
                  + " (use auto or platform)");
        }
        yield true;
      }
    };
  }
}
