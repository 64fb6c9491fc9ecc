package dev.followthrough.core.config;

import dev.followthrough.core.tracker.Tracker;
import java.util.List;

/**
 * A {@code tracker:} section that names an environment variable which is not set. Commands that
 * only use the store still load the file (they read its common keys, such as {@code conflicts});
 * opening the tracker fails, naming each variable and never a value.
 */
final class UnresolvedTrackerSettings implements TrackerSettings {
  private final String file;
  private final TrackerBasics basics;
  private final List<String> problems;

  UnresolvedTrackerSettings(String file, TrackerBasics basics, List<String> problems) {
    this.file = file;
    this.basics = basics;
    this.problems = List.copyOf(problems);
  }

  @Override
  public TrackerBasics basics() {
    return basics;
  }

  @Override
  public List<String> unresolved() {
    return problems;
  }

  @Override
  public Tracker open() {
    throw new ConfigException(file, problems);
  }

  @Override
  public String toString() {
    return "tracker " + basics.type() + " (unresolved: " + problems.size() + " problem(s))";
  }
}
