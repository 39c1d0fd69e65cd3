package io.paymentflow.embeddedtemporal;

import io.temporal.internal.testservice.TestServicesStarter;
import java.lang.reflect.Field;
import java.util.LinkedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns off a diagnostic of the in-JVM server that makes it slower the longer it runs.
 *
 * <p>Its clock ({@code SelfAdvancingTimerImpl}) appends an event to a {@code LinkedList} on every
 * time-skipping lock and unlock, several per workflow task and activity, and never drops the
 * unlocks; every lock released through a handle is then removed by a scan from the list's head. The
 * list only feeds {@code getDiagnostics()}. Over a long run the scan is quadratic: after a few
 * minutes at 30 events/s it took 57 % of the server JVM's CPU samples (JFR, docs/benchmarks.md),
 * and the list holds every event ever seen in the heap.
 *
 * <p>This server runs in real time (time skipping locked for good) and nobody reads those
 * diagnostics, so the list is swapped for one that keeps nothing. What decides time skipping is a
 * separate lock counter, untouched. If a Temporal upgrade renames the fields, the server keeps its
 * list and only the warning below says so: slower, still correct.
 */
final class LockDiagnostics {

  private static final Logger log = LoggerFactory.getLogger(LockDiagnostics.class);

  private LockDiagnostics() {}

  static void disable(TestServicesStarter services) {
    try {
      Object timer = read(services, "selfAdvancingTimer");
      Field events = timer.getClass().getDeclaredField("lockEvents");
      events.setAccessible(true);
      events.set(timer, new Forgetful<>());
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn(
          "Could not turn off the in-JVM Temporal server's lock diagnostics ({}); it works, but"
              + " slows down as it ages",
          e.toString());
    }
  }

  private static Object read(Object owner, String name) throws ReflectiveOperationException {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }

  /**
   * Accepts every event and forgets it; every removal succeeds. The server's own check that a
   * handle removes an event it added goes with the list: the counter it guards stays exact.
   */
  static final class Forgetful<E> extends LinkedList<E> {

    @Override
    public boolean add(E event) {
      return true;
    }

    @Override
    public boolean remove(Object event) {
      return true;
    }
  }
}
