package dev.followthrough.core.config;

import dev.followthrough.core.store.ActionStore;

/** A {@code store:} section as its provider read it; it opens the store. */
public interface StoreSettings {
  /** The {@code store.type}, such as {@code directory}. */
  String type();

  /** Names the store in messages, without credentials. */
  String describe();

  /** Opens the store; the caller closes it. */
  ActionStore open();

  /**
   * The store's own checks for {@code doctor}, none of which writes to the store (for a database:
   * reachable, schema version, privileges, who holds the run lock), or empty when it offers none,
   * and then {@code doctor} opens the store and reads it.
   */
  default java.util.List<dev.followthrough.core.tracker.Check> diagnose() {
    return java.util.List.of();
  }

  /** The embedded default: a directory of JSON files. */
  static StoreSettings directory(java.nio.file.Path dir) {
    return new DirectoryStoreSettings(dir);
  }
}
