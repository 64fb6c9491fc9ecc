package dev.followthrough.cli;

import dev.followthrough.core.config.TrackerConfig;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerProvider;

/**
 * Serves {@code tracker.type: test-memory} in the CLI tests, so that plan, sync and schedule run
 * end to end through the same ServiceLoader path as the real adapters. The tracker outlives one
 * command, as a real one would.
 */
public final class TestTrackerProvider implements TrackerProvider {
  static volatile InMemoryTracker tracker = InMemoryTracker.builder().type("test-memory").build();

  static InMemoryTracker reset() {
    tracker = InMemoryTracker.builder().type("test-memory").build();
    return tracker;
  }

  @Override
  public String type() {
    return "test-memory";
  }

  @Override
  public Tracker create(TrackerConfig config) {
    return tracker;
  }
}
