package dev.followthrough.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sync again and again on a {@link Trigger}, with optional jitter, until stopped.
 *
 * <p>Single-flight: each run takes the store's run lock, so a run that would overlap another one,
 * in this process or another process sharing the store, is skipped instead. {@link #stop()} lets
 * a run in progress finish and starts no new one.
 */
public final class SyncScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

  /** Observes the scheduler. Called on its thread. */
  public interface Listener {
    default void waiting(Instant nextRun) {}

    default void finished(SyncResult result) {}

    default void skipped(String reason) {}

    default void failed(RuntimeException error) {}
  }

  /** Waits for a duration unless stopped first; returns true when stopped. */
  @FunctionalInterface
  public interface Waiter {
    boolean await(Duration duration) throws InterruptedException;
  }

  private final Supplier<SyncEngine> engines;
  private final Trigger trigger;
  private final Duration jitter;
  private final Clock clock;
  private final Listener listener;
  private final RandomGenerator random;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Waiter waiter;
  private final boolean runAtStart;
  private volatile Thread thread;

  private SyncScheduler(Builder b) {
    this.engines = b.engines;
    this.trigger = b.trigger;
    this.jitter = b.jitter;
    this.clock = b.clock;
    this.listener = b.listener;
    this.random = b.random;
    this.runAtStart = b.runAtStart;
    this.waiter = b.waiter != null ? b.waiter : d -> stopped.await(d.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * @param engines makes the engine for each run, so that every run reads fresh configuration
   *     and a fresh store view
   */
  public static Builder builder(Supplier<SyncEngine> engines, Trigger trigger) {
    return new Builder(engines, trigger);
  }

  /** Runs on the calling thread until {@link #stop()} is called or the thread is interrupted. */
  public void run() {
    try {
      Instant previous = clock.instant();
      if (runAtStart && stopped.getCount() > 0) {
        // The first run starts now; the trigger's slots are counted from this start.
        runOnce();
        Instant now = clock.instant();
        previous = trigger.next(previous).isBefore(now) ? now : previous;
      }
      while (stopped.getCount() > 0) {
        Instant next = trigger.next(previous);
        Duration extra = jitter.isZero() ? Duration.ZERO : Duration.ofMillis(random.nextLong(jitter.toMillis() + 1));
        Instant at = next.plus(extra);
        listener.waiting(at);
        Duration wait = Duration.between(clock.instant(), at);
        if (waiter.await(wait.isNegative() ? Duration.ZERO : wait)) {
          break;
        }
        runOnce();
        // After a run that overran the following slot, the next one is counted from now: missed
        // slots are skipped, never replayed one after another. Otherwise slots keep their rhythm.
        Instant now = clock.instant();
        previous = trigger.next(next).isBefore(now) ? now : next;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      finished.countDown();
    }
  }

  /** Starts {@link #run()} on a daemon thread named {@code followthrough-scheduler}. */
  public SyncScheduler start() {
    Thread t = new Thread(this::run, "followthrough-scheduler");
    t.setDaemon(true);
    thread = t;
    t.start();
    return this;
  }

  private void runOnce() {
    try {
      listener.finished(engines.get().sync());
    } catch (SyncInProgressException e) {
      LOG.info("skipped a scheduled sync: {}", e.getMessage());
      listener.skipped(e.getMessage());
    } catch (RuntimeException e) {
      // One failed run must not end the schedule; the next one may well succeed.
      LOG.warn("scheduled sync failed: {}", e.getMessage());
      listener.failed(e);
    }
  }

  /** Starts no new run; a run in progress finishes. */
  public void stop() {
    stopped.countDown();
  }

  /** Stops and waits up to {@code timeout} for a run in progress to finish. */
  public boolean stopAndWait(Duration timeout) throws InterruptedException {
    stop();
    return thread == null || finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Waits, without stopping it, until a started scheduler has stopped; true when it has. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    try {
      stopAndWait(Duration.ofMinutes(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Builds a {@link SyncScheduler}. */
  public static final class Builder {
    private final Supplier<SyncEngine> engines;
    private final Trigger trigger;
    private Duration jitter = Duration.ZERO;
    private Clock clock = Clock.systemUTC();
    private Listener listener = new Listener() {};
    private RandomGenerator random = new java.util.Random();
    private Waiter waiter;
    private boolean runAtStart;

    private Builder(Supplier<SyncEngine> engines, Trigger trigger) {
      this.engines = Objects.requireNonNull(engines, "engines");
      this.trigger = Objects.requireNonNull(trigger, "trigger");
    }

    /** Each run starts up to this much later than its trigger, spreading load across clients. */
    public Builder jitter(Duration jitter) {
      this.jitter = Objects.requireNonNull(jitter);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener);
      return this;
    }

    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    /** How to wait between runs; tests pass one that advances a test clock. */
    public Builder waiter(Waiter waiter) {
      this.waiter = Objects.requireNonNull(waiter);
      return this;
    }

    /**
     * Runs once as soon as the scheduler starts, before the first wait (default: the first run is
     * at the trigger's first time after the start).
     */
    public Builder runAtStart(boolean runAtStart) {
      this.runAtStart = runAtStart;
      return this;
    }

    public SyncScheduler build() {
      return new SyncScheduler(this);
    }
  }
}
