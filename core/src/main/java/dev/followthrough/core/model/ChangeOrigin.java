package dev.followthrough.core.model;

/** Which side made a change recorded in an item's history. */
public enum ChangeOrigin {
  /** The postmortem document, through an import. */
  DOCUMENT,
  /** Someone using the store through the API or CLI. */
  LOCAL,
  /** The issue tracker, pulled back by a sync. */
  TRACKER
}
