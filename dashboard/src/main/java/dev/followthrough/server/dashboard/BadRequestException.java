package dev.followthrough.server.dashboard;

/** A request the dashboard cannot answer as asked; its message names the parameter and is shown to the caller. */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(String message) {
    super(message);
  }
}
