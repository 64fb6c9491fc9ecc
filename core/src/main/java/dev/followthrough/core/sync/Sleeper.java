package dev.followthrough.core.sync;

import java.time.Duration;

/** Waits; tests pass one that advances a test clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
