package dev.followthrough.core.model;

/**
 * Something the importer skipped or guessed, with the document line it concerns.
 *
 * @param line 1-based line number, or 0 when it concerns the whole document
 */
public record Diagnostic(Severity severity, int line, String message) {
  /** How much a diagnostic matters. */
  public enum Severity {
    INFO,
    WARNING,
    ERROR
  }

  public Diagnostic {
    new Problems("diagnostic")
        .notNull("severity", severity)
        .check(line >= 0, "line: must not be negative")
        .notBlank("message", message)
        .throwIfAny();
  }

  public static Diagnostic warning(int line, String message) {
    return new Diagnostic(Severity.WARNING, line, message);
  }

  public static Diagnostic info(int line, String message) {
    return new Diagnostic(Severity.INFO, line, message);
  }
}
