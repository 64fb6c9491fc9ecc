package dev.followthrough.core.store;

/**
 * An update was based on a version that someone else has replaced meanwhile; reload and apply the
 * change again.
 */
public class StaleVersionException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StaleVersionException(String postmortemId, long expected, long actual) {
    super(
        "postmortem "
            + postmortemId
            + " was changed by someone else (expected version "
            + expected
            + ", found "
            + (actual == 0 ? "none" : actual)
            + "); reload it and try again");
  }
}
