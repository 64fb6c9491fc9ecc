package dev.followthrough.core.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Joins hard-wrapped lines back into the sentence they belong to, so that a wrapped item or
 * timeline entry stays one entry. A line that starts something of its own (a field, a time, a
 * bullet, a label) is never joined.
 */
final class LineJoin {
  /** Lines shorter than this were not wrapped by an editor; they end where their writer ended them. */
  private static final int MIN_WRAPPED = 50;
  private static final Pattern STARTS_UNIT =
      Pattern.compile("^(?:[-*•+·>|#]|\\d{1,3}[.)]\\s|\\[|\\(?\\d{1,4}[:/.-]\\d|[A-Z][\\w /&-]{0,40}[:：]\\s|"
          + "(?i:verify|verification|owner|due|priority|status|note)\\b|[A-Z]{3,}\\s+[A-Z]{3,}\\b)");
  private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?:;。]['\")\\]*_]*$");

  private LineJoin() {}

  /** The lines with every wrapped continuation appended to the line it continues. */
  static List<String> join(List<String> lines) {
    int width = 0;
    for (String l : lines) {
      width = Math.max(width, l.length());
    }
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      if (!out.isEmpty() && continues(out.get(out.size() - 1), line, width)) {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + line);
      } else {
        out.add(line);
      }
    }
    return out;
  }

  /** Whether {@code next} continues {@code previous}, in a block whose longest line is {@code width}. */
  static boolean continues(String previous, String next, int width) {
    String p = previous.strip();
    String n = next.strip();
    if (p.isEmpty() || n.isEmpty() || p.endsWith(":") || STARTS_UNIT.matcher(n).find()) {
      return false;
    }
    // Cheap tests first: the line-start recognisers below run only for lines that would join.
    int firstWord = n.indexOf(' ') < 0 ? n.length() : n.indexOf(' ');
    if (Character.isLowerCase(n.codePointAt(0))) {
      // "…yield the following\nconclusions:" continues its sentence, whatever word it starts with.
      return true;
    }
    boolean joins = false
        // A long line without a full stop that could not take the next word: the editor wrapped it.
        || (p.length() >= MIN_WRAPPED && p.length() + 1 + firstWord > width - 8 && !ENDS_SENTENCE.matcher(p).find());
    return joins && Leading.of(n).isEmpty() && !PlainTextOutlineReader.isSectionLabel(n);
  }
}
