package dev.followthrough.core.importer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ways people mark an item done in its text rather than with a ticked box or a Status column:
 * {@code (DONE)}, {@code (Done during this incident)}, {@code (Completed.)}, {@code (fixed in
 * #123)}, strikethrough, a ✅. Add a form to {@link #FORMS}.
 */
final class DoneMarker {
  private static final String DONE_WORD = "(?:done|completed?|fixed|resolved|shipped|implemented|merged|finished)";
  private static final List<Pattern> FORMS = List.of(
      Pattern.compile("(?i)\\s*[(\\[]\\s*" + DONE_WORD + "\\b[^)\\]]{0,60}[)\\]]\\s*"),
      Pattern.compile("(?i)\\s*[-–—:]\\s*" + DONE_WORD + "\\.?\\s*$"),
      // "…if it goes down. DONE in PR #5126", "Purge the logs; Completed as of 2021-10-29": a closing clause.
      Pattern.compile("(?i)(?:[.;]\\s+|\\s+[-–—]\\s+)(?:done|completed?)\\b(?:\\s+(?:in|as of|on|with|via|by)\\b.{0,80})?\\.?\\s*$"),
      Pattern.compile("^\\s*~~(.+)~~\\s*$"),
      Pattern.compile("\\s*[✅✔☑]\\uFE0F?\\s*"));

  /** What every marker holds: its word, its tildes or its tick. */
  private static final String[] MARKS = {"done", "complete", "fixed", "resolved", "shipped", "implemented", "merged", "finished", "~~"};

  private DoneMarker() {}

  /** The text without its done marker, when it has one. */
  static Optional<String> strip(String text) {
    if (!mayHave(text)) {
      return Optional.empty();
    }
    for (Pattern form : FORMS) {
      Matcher m = form.matcher(text);
      if (m.find()) {
        String rest = m.groupCount() > 0 && m.group(1) != null ? m.group(1)
            : (text.substring(0, m.start()) + " " + text.substring(m.end()));
        return Optional.of(rest.strip());
      }
    }
    return Optional.empty();
  }

  /** One cheap pass that every marker needs to pass; a few plain searches beat an expression of alternatives. */
  private static boolean mayHave(String text) {
    if (text.indexOf('✅') >= 0 || text.indexOf('✔') >= 0 || text.indexOf('☑') >= 0) {
      return true;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String m : MARKS) {
      if (lower.contains(m)) {
        return true;
      }
    }
    return false;
  }

  /** "Add alerts ✅ Rotate keys ✅ Write runbook": several done items on one line, else none. */
  static List<String> splitChecked(String text) {
    String[] parts = Regex.split(text, "\\s*[✅✔☑]\\uFE0F?\\s*");
    List<String> items = java.util.Arrays.stream(parts).map(String::strip).filter(p -> !p.isEmpty()).toList();
    return items.size() >= 2 ? items : List.of();
  }
}
