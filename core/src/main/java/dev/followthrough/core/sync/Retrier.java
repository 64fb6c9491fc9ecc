package dev.followthrough.core.sync;

import dev.followthrough.core.FollowthroughException;
import dev.followthrough.core.tracker.TrackerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Runs tracker calls with retries for transient failures, honouring Retry-After, never past the
 * run's deadline. Creates never go through here: a create that may have taken effect is looked
 * for, not resent.
 */
final class Retrier {
  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final Instant deadline;

  Retrier(RetryPolicy policy, Clock clock, Sleeper sleeper, RandomGenerator random, Instant deadline) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.deadline = deadline;
  }

  <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (TrackerException e) {
        if (!e.kind().retryable() || attempt >= policy.maxAttempts()) {
          throw e;
        }
        Duration wait = e.retryAfter().orElse(policy.backoff(attempt, random));
        waitFor(wait, e);
      }
    }
  }

  /** Waits, or fails at once when the wait would end after the deadline. */
  void waitFor(Duration wait, TrackerException cause) {
    if (clock.instant().plus(wait).isAfter(deadline)) {
      throw new TimeBudgetExceededException("waiting " + wait.toSeconds() + " s" + (cause == null ? "" : " after '"
          + cause.getMessage() + "'") + " would exceed the run's time budget", cause);
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeBudgetExceededException("interrupted while waiting to retry", e);
    }
  }

  boolean pastDeadline() {
    return !clock.instant().isBefore(deadline);
  }
}
