package dev.followthrough.core.config;

import dev.followthrough.core.tracker.Tracker;

/**
 * A {@code tracker:} section as its provider read it: an immutable record of the provider's
 * own, which knows how to open the tracker.
 */
public interface TrackerSettings {
  /** The keys every tracker has. */
  TrackerBasics basics();

  /**
   * Builds the tracker. Opening does not contact the tracker.
   *
   * @throws dev.followthrough.core.ValidationException when settings cannot be used (a key file
   *     that cannot be read)
   */
  Tracker open();

  /**
   * What keeps the section from being used, such as an environment variable it names that is not
   * set; empty when {@link #open()} can be called. Commands that need only the store ignore it.
   */
  default java.util.List<String> unresolved() {
    return java.util.List.of();
  }
}
