package dev.followthrough.core;

/**
 * Root of every exception Followthrough throws on purpose.
 *
 * <p>Messages are written for the person running the tool: they name the file, line or field at
 * fault and never contain secrets.
 */
public class FollowthroughException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FollowthroughException(String message) {
    super(message);
  }

  public FollowthroughException(String message, Throwable cause) {
    super(message, cause);
  }
}
