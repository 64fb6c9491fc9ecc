package dev.followthrough.core.sync;

import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.RunLockLostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run lock as a run sees it: asked before each tracker write, and lost for the rest of the run
 * once it was lost, so that the run stops writing instead of racing a run that may hold it now.
 */
final class RunLockWatch {
  private static final Logger LOG = LoggerFactory.getLogger(RunLockWatch.class);

  private final ActionStore.RunLock lock;
  private String lost;

  RunLockWatch(ActionStore.RunLock lock) {
    this.lock = lock;
  }

  /**
   * Returns when the lock is still held.
   *
   * @throws RunLockLostException when it is lost, now or earlier in this run
   */
  void require() {
    if (lost == null) {
      try {
        lock.checkHeld();
      } catch (RunLockLostException e) {
        lost = "not done: " + e.getMessage() + "; this sync stopped, as another may hold the lock now;"
            + " the next sync does the rest";
        LOG.warn("{}", e.getMessage());
      }
    }
    if (lost != null) {
      throw new RunLockLostException(lost);
    }
  }

  boolean isLost() {
    return lost != null;
  }

  /** Why what is left of the run is not done; null while the lock is held. */
  String reason() {
    return lost;
  }
}
