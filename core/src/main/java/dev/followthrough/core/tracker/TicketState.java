package dev.followthrough.core.tracker;

import dev.followthrough.core.model.ItemStatus;

/** A ticket's status category, the same for every tracker. */
public enum TicketState {
  OPEN,
  IN_PROGRESS,
  DONE,
  /** Closed without doing it (an issue closed as "not planned", a resolution such as Won't Do). */
  WONT_DO;

  public boolean isClosed() {
    return this == DONE || this == WONT_DO;
  }

  /** The item status a ticket in this state stands for; BLOCKED has no ticket state of its own. */
  public ItemStatus toItemStatus() {
    return switch (this) {
      case OPEN -> ItemStatus.OPEN;
      case IN_PROGRESS -> ItemStatus.IN_PROGRESS;
      case DONE -> ItemStatus.DONE;
      case WONT_DO -> ItemStatus.WONT_DO;
    };
  }

  public static TicketState of(ItemStatus status) {
    return switch (status) {
      case OPEN -> OPEN;
      case IN_PROGRESS, BLOCKED -> IN_PROGRESS;
      case DONE -> DONE;
      case WONT_DO -> WONT_DO;
    };
  }
}
