package dev.followthrough.cli;

/** Ends a command with a message already meant for the user and a chosen exit code. */
final class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  CommandFailedException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
