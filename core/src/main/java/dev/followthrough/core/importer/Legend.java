package dev.followthrough.core.importer;

import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Row;
import dev.followthrough.core.importer.Outline.Table;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list that explains the values of a table beside it ("P0 - Critical for the release", "Detect
 * - Find similar issues sooner"): a key to the table's Type or Priority column, not action items.
 */
final class Legend {
  private static final Pattern TERM = Pattern.compile("^\\s*[*_`]*([\\p{L}\\p{N}][\\p{L}\\p{N} ]{0,20}?)[*_`]*\\s*(?:[-–—=:])\\s+\\S");
  private static final int MAX_TERM_WORDS = 2;

  private Legend() {}

  /** Whether a bullet opens with a term that is a value of a table among {@code nodes}. */
  static boolean explains(String bullet, List<Node> nodes) {
    Matcher m = TERM.matcher(bullet);
    if (!m.find() || Regex.split(m.group(1).strip(), "\\s+").length > MAX_TERM_WORDS) {
      return false;
    }
    String term = m.group(1).strip().toLowerCase(Locale.ROOT);
    for (Node n : nodes) {
      if (n instanceof Table t) {
        for (Row row : t.rows()) {
          for (String cell : row.cells()) {
            if (cell.strip().toLowerCase(Locale.ROOT).equals(term)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
