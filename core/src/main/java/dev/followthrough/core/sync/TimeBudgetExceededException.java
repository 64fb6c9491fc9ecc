package dev.followthrough.core.sync;

import dev.followthrough.core.FollowthroughException;

/** A sync's time budget ran out (or the run was interrupted) before a call could be made. */
public class TimeBudgetExceededException extends FollowthroughException {
  private static final long serialVersionUID = 1L;

  public TimeBudgetExceededException(String message, Throwable cause) {
    super(message, cause);
  }
}
