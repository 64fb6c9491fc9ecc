package dev.followthrough.core.sync;

/**
 * Observes sync runs, for progress output, metrics or logs. Methods are called on the syncing
 * thread and should return quickly; an exception thrown by a listener is logged and ignored.
 */
public interface SyncListener {
  SyncListener NONE = new SyncListener() {};

  default void runStarted(SyncPlan plan) {}

  /**
   * @param done how many actions are finished, this one included
   * @param failure {@code null} when the action succeeded
   */
  default void actionFinished(PlannedAction action, int done, int total, String failure) {}

  default void runFinished(SyncResult result) {}
}
