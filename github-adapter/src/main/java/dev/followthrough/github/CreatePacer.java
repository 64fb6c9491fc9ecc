package dev.followthrough.github;

import dev.followthrough.core.sync.Sleeper;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** GitHub's secondary limit allows about 80 content-creating requests a minute: creates are spaced out. */
final class CreatePacer {
  private final Duration interval;
  private final Sleeper sleeper;
  private final Clock clock;
  private Instant lastCreate = Instant.MIN;

  CreatePacer(Duration interval, Sleeper sleeper, Clock clock) {
    this.interval = interval;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  void pace() {
    Duration wait = lastCreate.equals(Instant.MIN) ? Duration.ZERO : Duration.between(clock.instant(), lastCreate.plus(interval));
    if (!wait.isNegative() && !wait.isZero()) {
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TrackerException(GitHubErrors.TRACKER, Kind.TIMEOUT, 0, "interrupted while pacing creates");
      }
    }
    lastCreate = clock.instant();
  }
}
