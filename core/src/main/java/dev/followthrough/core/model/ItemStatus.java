package dev.followthrough.core.model;

/** Where an action item stands. {@link #DONE} and {@link #WONT_DO} are closed. */
public enum ItemStatus {
  OPEN,
  IN_PROGRESS,
  BLOCKED,
  DONE,
  WONT_DO;

  public boolean isClosed() {
    return this == DONE || this == WONT_DO;
  }
}
