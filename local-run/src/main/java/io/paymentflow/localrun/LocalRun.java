package io.paymentflow.localrun;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./run-local}: brings the whole system up on this machine, optionally runs the demo stream,
 * and keeps running until Ctrl-C, which stops every process it started.
 */
public final class LocalRun {

  private LocalRun() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    LocalRunOptions options;
    try {
      options = LocalRunOptions.parse(args, System.getenv());
    } catch (LocalRunOptions.UsageException e) {
      if (e.getMessage() != null) {
        System.err.println(e.getMessage());
      }
      System.err.print(LocalRunOptions.USAGE);
      System.exit(e.getMessage() == null ? 0 : 2);
      return;
    } catch (RuntimeException e) {
      System.err.println("bad option: " + e.getMessage());
      System.err.print(LocalRunOptions.USAGE);
      System.exit(2);
      return;
    }
    System.exit(run(options, out));
  }

  /** Runs the system; returns the process exit code (non-zero when the demo did not reconcile). */
  static int run(LocalRunOptions options, PrintStream out) {
    LocalSystem system = new LocalSystem(options, out);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Thread hook =
        new Thread(
            () -> {
              stopping.set(true);
              out.println("\nStopping paymentflow...");
              system.close();
              stopped.countDown();
            },
            "local-run-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println("Starting paymentflow locally (logs in " + options.workDirectory() + "/logs)");
      system.start();
      out.println("paymentflow is up.");
      int exit = 0;
      if (options.events() > 0) {
        Reconciliation result =
            new DemoStream(system, out)
                .run(options.events(), options.rate(), options.drainTimeout());
        exit = result.balanced() ? 0 : 1;
      }
      if (options.keepRunning()) {
        // A stop waits for the work in flight, so the demo may end while it does: then this is
        // no longer true.
        if (!stopping.get()) {
          out.println("Running. Press Ctrl-C to stop.");
        }
        stopped.await();
      }
      return exit;
    } catch (LocalRunException e) {
      System.err.println("\n" + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("\nlocal run failed: " + e);
      e.printStackTrace();
      return 1;
    } finally {
      system.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // The hook is running: it closes the system.
      }
    }
  }
}
