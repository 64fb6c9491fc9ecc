package dev.followthrough.core.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether lower-case text holds any of a rule's words ("alert\w*|noticed|back to normal"). Plain
 * words and word stems are looked up per word of the text; only phrases and optional parts fall
 * back to a regular expression, tried when the text holds their first letters. A regular
 * expression of many alternatives tries each of them at every word, which made this the
 * importer's hot spot.
 */
final class KeywordRule {
  private static final Pattern PLAIN = Pattern.compile("[a-z0-9]+");
  private static final Pattern STEM = Pattern.compile("([a-z0-9-]+)\\\\w\\*");
  private static final Pattern LITERAL_START = Pattern.compile("^[a-z0-9-]+");

  private final boolean[] firsts = new boolean[128];
  private final Set<String> words = new HashSet<>();
  private final List<String> stems = new ArrayList<>();
  private final List<String> phraseStarts = new ArrayList<>();
  private final Pattern phrases;

  KeywordRule(List<String> alternatives) {
    List<String> rest = new ArrayList<>();
    for (String a : alternatives) {
      var stem = STEM.matcher(a);
      if (PLAIN.matcher(a).matches()) {
        words.add(a);
      } else if (stem.matches()) {
        stems.add(stem.group(1));
      } else {
        rest.add(a);
        var start = LITERAL_START.matcher(a);
        String literal = start.find() ? start.group() : "";
        // In "procedures?" the quantifier makes the last letter optional: it is no part of the start.
        boolean quantified = literal.length() < a.length() && "?*{".indexOf(a.charAt(literal.length())) >= 0;
        phraseStarts.add(quantified ? literal.substring(0, literal.length() - 1) : literal);
      }
    }
    words.forEach(w -> firsts[w.charAt(0) & 127] = true);
    stems.forEach(w -> firsts[w.charAt(0) & 127] = true);
    phrases = rest.isEmpty() ? null : Pattern.compile("\\b(?:" + String.join("|", rest) + ")\\b");
  }

  boolean matches(String lower) {
    return matches(lower, words(lower));
  }

  /** Whether the text, split into {@code words} by {@link #words(String)}, holds a keyword. */
  boolean matches(String lower, List<String> textWords) {
    for (String w : textWords) {
      char first = w.charAt(0);
      // Only words whose first letter starts some keyword are looked up.
      if ((first >= 128 || firsts[first]) && word(w)) {
        return true;
      }
    }
    if (phrases != null) {
      for (String s : phraseStarts) {
        if (lower.contains(s)) {
          return phrases.matcher(lower).find();
        }
      }
    }
    return false;
  }

  /** The words of lower-case text, split as {@code \\b} would split them. */
  static List<String> words(String lower) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = lower.length();
    while (i < n) {
      while (i < n && !isWordChar(lower.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isWordChar(lower.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(lower.substring(start, i));
      }
    }
    return out;
  }

  private boolean word(String w) {
    if (words.contains(w)) {
      return true;
    }
    for (String stem : stems) {
      if (w.startsWith(stem)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
