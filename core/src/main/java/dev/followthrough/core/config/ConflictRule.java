package dev.followthrough.core.config;

/** Who wins when a field changed on both sides since the last sync. */
public enum ConflictRule {
  /** The side that owns the field wins: the store for title, description, due date, priority
   * and labels; the tracker for status and assignee. */
  FIELD_OWNER,
  /** The store's value wins for every field. */
  STORE,
  /** The tracker's value wins for every field. */
  TRACKER
}
