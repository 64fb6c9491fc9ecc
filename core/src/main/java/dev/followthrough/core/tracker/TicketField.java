package dev.followthrough.core.tracker;

/**
 * Ticket fields the sync compares; the first five are pushed, then two pulled, and the link to the
 * postmortem, which only trackers with {@link Capabilities#sourceLinks()} keep as a field of its own.
 */
public enum TicketField {
  TITLE(true),
  DESCRIPTION(true),
  DUE_DATE(true),
  PRIORITY(true),
  LABELS(true),
  STATE(false),
  ASSIGNEE(false),
  /** Pushed only: trackers do not report it back, so the last synced value stands for the ticket's. */
  SOURCE_LINK(true);

  private final boolean pushed;

  TicketField(boolean pushed) {
    this.pushed = pushed;
  }

  /** Pushed fields belong to the store; the others belong to the tracker. */
  public boolean isPushed() {
    return pushed;
  }

  /** The name used in history entries and in the stored last-synced values. */
  public String key() {
    return switch (this) {
      case TITLE -> "title";
      case DESCRIPTION -> "description";
      case DUE_DATE -> "dueDate";
      case PRIORITY -> "priority";
      case LABELS -> "labels";
      case STATE -> "status";
      case ASSIGNEE -> "owner";
      case SOURCE_LINK -> "sourceLink";
    };
  }
}
