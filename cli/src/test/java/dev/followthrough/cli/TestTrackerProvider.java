package dev.followthrough.cli;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.TrackerBasics;
import dev.followthrough.core.config.TrackerSettings;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerProvider;
import java.util.Set;

/**
 * An extra tracker module registered from this test module: {@code tracker.type: test-memory},
 * with a key of its own ({@code board}, lowercase), so that plan, sync and schedule run end to
 * end through the same ServiceLoader path and configuration handling as the real adapters. The
 * tracker outlives one command, as a real one would.
 */
public final class TestTrackerProvider implements TrackerProvider {
  static volatile InMemoryTracker tracker = InMemoryTracker.builder().type("test-memory").build();

  static InMemoryTracker reset() {
    tracker = InMemoryTracker.builder().type("test-memory").build();
    return tracker;
  }

  record Settings(TrackerBasics basics, String board) implements TrackerSettings {
    @Override
    public Tracker open() {
      return tracker;
    }
  }

  @Override
  public String type() {
    return "test-memory";
  }

  @Override
  public TrackerSettings read(ConfigSection section) {
    section.allowOnly(TrackerBasics.keysWith("board"));
    String board = section.text("board");
    if (board != null && !board.matches("[a-z]+")) {
      section.problem("board", "'" + board + "' must be lowercase letters");
    }
    return new Settings(TrackerBasics.read(section), board);
  }
}
