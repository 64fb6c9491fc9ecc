package dev.followthrough.core.importer;

import java.util.Arrays;

/**
 * Where the words of a text start and end, split as {@code \b} would split them (letters, digits
 * and "_"). Kept as positions rather than substrings: the keyword rules read every word of every
 * timeline entry and item, and copying each one was a large share of the importer's allocation.
 */
final class TextWords {
  private int[] bounds = new int[32];
  private int count;

  private TextWords() {}

  static TextWords of(String text) {
    TextWords words = new TextWords();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && !isWordChar(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isWordChar(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(start, i);
      }
    }
    return words;
  }

  private void add(int start, int end) {
    if (2 * count + 2 > bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    bounds[2 * count] = start;
    bounds[2 * count + 1] = end;
    count++;
  }

  int count() {
    return count;
  }

  int start(int i) {
    return bounds[2 * i];
  }

  int end(int i) {
    return bounds[2 * i + 1];
  }

  private static boolean isWordChar(char c) {
    if (c < 128) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
    return Character.isLetterOrDigit(c);
  }
}
