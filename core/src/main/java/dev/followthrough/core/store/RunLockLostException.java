package dev.followthrough.core.store;

/**
 * A run lock was lost while its run went on, so another run may be working on the store now: the
 * run that lost it must stop writing.
 */
public class RunLockLostException extends StoreException {
  private static final long serialVersionUID = 1L;

  public RunLockLostException(String message) {
    super(message);
  }

  public RunLockLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
