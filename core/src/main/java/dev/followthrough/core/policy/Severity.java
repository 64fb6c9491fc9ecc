package dev.followthrough.core.policy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An incident's severity as the policy keys it: {@code SEV0} to {@code SEV5}. Documents write it
 * freely ({@code SEV1}, {@code Sev 2}, {@code sev-1 (major)}, {@code Severity 3}); the postmortem
 * model keeps that text as written and this reads the level from its start.
 */
public final class Severity {
  private static final Pattern LEVEL = Pattern.compile("(?i)^\\s*sev(?:erity)?[\\s_-]*([0-5])(?![0-9])");
  private static final Pattern KEY = Pattern.compile("(?i)^sev(?:erity)?[\\s_-]*([0-5])$");

  private Severity() {}

  /** The policy key for a postmortem's severity text, or empty when it names no level. */
  public static Optional<String> of(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = LEVEL.matcher(text);
    return m.find() ? Optional.of("SEV" + m.group(1)) : Optional.empty();
  }

  /** The key a configuration wrote ({@code SEV1}, {@code sev1}), or empty when it is no severity. */
  public static Optional<String> key(String configKey) {
    Matcher m = KEY.matcher(configKey.strip());
    return m.matches() ? Optional.of("SEV" + m.group(1)) : Optional.empty();
  }
}
