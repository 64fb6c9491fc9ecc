package dev.followthrough.core.importer;

import java.util.regex.Pattern;

/** Splits an item's text into its first sentence (the title) and the rest (its description). */
final class Sentences {
  // Not after "e.g.", "i.e.", "etc.", "vs.", "approx.", "No.", initials or version numbers.
  private static final Pattern END = Pattern.compile(
      "(?<!\\b(?:e\\.g|i\\.e|etc|vs|approx|incl|No|Mr|Ms|Dr|St|[A-Z]))(?<!\\d)[.!?](?=\\s+[A-Z“\"'(\\[])");
  private static final int MIN_TITLE_WORDS = 3;

  private Sentences() {}

  /** Index just after the first sentence's end, or -1 when the text is one sentence. */
  static int firstEnd(String text) {
    if (!hasEndBeforeSpace(text)) {
      return -1; // most items: the pattern, with its look-behinds at every position, cannot match
    }
    var m = END.matcher(text);
    while (m.find()) {
      String first = text.substring(0, m.end());
      if (Regex.split(first.strip(), "\\s+").length >= MIN_TITLE_WORDS) {
        return m.end();
      }
    }
    return -1;
  }

  /** Whether some '.', '!' or '?' is followed by whitespace, which {@link #END} needs. */
  private static boolean hasEndBeforeSpace(String text) {
    for (int i = 0; i + 1 < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }
}
