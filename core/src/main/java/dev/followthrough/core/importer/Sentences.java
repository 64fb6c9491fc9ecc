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
    var m = END.matcher(text);
    while (m.find()) {
      String first = text.substring(0, m.end());
      if (Regex.split(first.strip(), "\\s+").length >= MIN_TITLE_WORDS) {
        return m.end();
      }
    }
    return -1;
  }
}
