package dev.followthrough.core;

import java.util.List;

/**
 * A value or document broke one or more rules; {@link #problems()} lists every one of them, each
 * naming its field (for example {@code actionItems[2].title: must not be blank}).
 */
public class ValidationException extends FollowthroughException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ValidationException(String subject, List<String> problems) {
    super(describe(subject, problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  /** Copies the problems with {@code prefix} in front of each field path. */
  public ValidationException prefixed(String subject, String prefix) {
    return new ValidationException(subject, problems.stream().map(p -> prefix + p).toList());
  }

  private static String describe(String subject, List<String> problems) {
    if (problems.size() == 1) {
      return "invalid " + subject + ": " + problems.get(0);
    }
    return "invalid " + subject + " (" + problems.size() + " problems): " + String.join("; ", problems);
  }
}
