package dev.followthrough.core.sync;

import java.time.Duration;

/**
 * How transient tracker failures are retried: exponential back-off from {@code initialBackoff},
 * capped at {@code maxBackoff}, with up to {@code jitter} (0 to 1) of each wait randomised so that
 * many clients do not retry in step.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be between 0 and 1");
    }
  }

  public static RetryPolicy standard() {
    return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), 0.5);
  }

  /** The wait before retry number {@code attempt} (1 for the first retry). */
  public Duration backoff(int attempt, java.util.random.RandomGenerator random) {
    long base = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempt - 1, 20));
    long spread = (long) (base * jitter);
    return Duration.ofMillis(base - spread + (spread == 0 ? 0 : random.nextLong(2 * spread + 1)));
  }
}
