package dev.followthrough.core.sync;

import dev.followthrough.core.FollowthroughException;

/** Another sync holds the store's run lock; two runs at once could create a ticket twice. */
public class SyncInProgressException extends FollowthroughException {
  private static final long serialVersionUID = 1L;

  public SyncInProgressException(String store) {
    super("another sync of " + store + " is running; try again when it has finished");
  }
}
