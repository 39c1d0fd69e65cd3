package io.paymentflow.standin;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The fault-injection switch, and the waiting that TIMEOUT and SLOW need. */
final class ModeSwitch {

  record Setting(Mode mode, Duration slowDelay) {
    Setting {
      Objects.requireNonNull(mode, "mode");
      if (slowDelay == null || slowDelay.isNegative()) {
        throw new IllegalArgumentException("slow delay must be >= 0, was " + slowDelay);
      }
    }
  }

  private final Object lock = new Object();
  private Setting setting;
  private boolean closed;

  ModeSwitch(Duration slowDelay) {
    this.setting = new Setting(Mode.HEALTHY, slowDelay);
  }

  Setting current() {
    synchronized (lock) {
      return setting;
    }
  }

  void set(Setting next) {
    synchronized (lock) {
      setting = next;
      lock.notifyAll();
    }
  }

  void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
  }

  /**
   * Blocks while the mode is TIMEOUT. Returns the setting to answer with, or empty once the
   * stand-in is closed: the caller then drops the connection without an answer.
   */
  Optional<Setting> awaitAnswerable() throws InterruptedException {
    synchronized (lock) {
      while (!closed && setting.mode() == Mode.TIMEOUT) {
        lock.wait();
      }
      return closed ? Optional.empty() : Optional.of(setting);
    }
  }

  /** Waits {@code delay}, cut short by close; returns false when closed. */
  boolean pause(Duration delay) throws InterruptedException {
    long deadline = System.nanoTime() + delay.toNanos();
    synchronized (lock) {
      while (!closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return false;
    }
  }
}
