package dev.followthrough.core.importer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line that says how to tell an item worked ({@code Verify: no page for 30 days}), written on
 * the line after the item, as its sub-bullet or in a table column. Add a wording to {@link #LABELS}.
 */
final class VerificationLine {
  static final String LABELS =
      "verify|verification|verification criteri(?:on|a)|success criteri(?:on|a)|validation|validate|"
          + "definition of done|acceptance criteri(?:on|a)";
  private static final Pattern LINE = Pattern.compile("(?i)^[\\s*_>-]*(?:" + LABELS + ")[*_]*\\s*[:：][*_]*\\s*(\\S.*)$");

  private static final Pattern COLUMN = Pattern.compile("(?:" + LABELS + ")(?:\\s+(?:criteri(?:on|a)|step|steps|plan))?");

  private VerificationLine() {}

  /** The criterion, when the line is a verification line. */
  static Optional<String> criterion(String line) {
    if (line == null || line.length() < 8) {
      return Optional.empty();
    }
    Matcher m = LINE.matcher(Times.scanned(line));
    return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }

  /** Whether a table column holds verification criteria. */
  static boolean isColumn(String header) {
    return header != null && COLUMN.matcher(header.strip().toLowerCase(java.util.Locale.ROOT)).matches();
  }
}
