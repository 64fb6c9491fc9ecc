package dev.followthrough.core.store;

import dev.followthrough.core.FollowthroughException;

/** The store could not do what was asked; the message says which store or file. */
public class StoreException extends FollowthroughException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
