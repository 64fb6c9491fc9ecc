package dev.followthrough.core.store;

/** Another writer held the store's lock for longer than this one was willing to wait. */
public class StoreLockedException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StoreLockedException(String message) {
    super(message);
  }
}
