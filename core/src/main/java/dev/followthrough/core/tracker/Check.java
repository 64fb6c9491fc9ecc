package dev.followthrough.core.tracker;

import java.util.Objects;

/**
 * One check of a setup, as {@code doctor} prints it: what was checked, whether it passed, what
 * was found, and how to fix it when it did not. The detail never carries a secret.
 *
 * @param name what was checked, such as {@code credentials}
 * @param outcome passed, failed, or could not be checked (which does not fail the run)
 * @param detail what was found
 * @param fix how to fix a problem; {@code null} when it passed
 */
public record Check(String name, Outcome outcome, String detail, String fix) {
  /** How a check came out. */
  public enum Outcome { OK, PROBLEM, SKIPPED }

  public Check {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }

  public static Check ok(String name, String detail) {
    return new Check(name, Outcome.OK, detail, null);
  }

  public static Check problem(String name, String detail, String fix) {
    return new Check(name, Outcome.PROBLEM, detail, Objects.requireNonNull(fix, "fix"));
  }

  public static Check skipped(String name, String detail) {
    return new Check(name, Outcome.SKIPPED, detail, null);
  }

  public boolean failed() {
    return outcome == Outcome.PROBLEM;
  }
}
