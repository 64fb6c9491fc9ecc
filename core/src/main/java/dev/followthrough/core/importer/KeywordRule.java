package dev.followthrough.core.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether lower-case text holds any of a rule's words ("alert\w*|noticed|back to normal"). Plain
 * words and word stems are looked up per word of the text in a tree of letters; only phrases and
 * optional parts fall back to a regular expression, tried when a word of the text starts as one of
 * them does. A regular expression of many alternatives tries each of them at every word, which
 * made this the importer's hot spot.
 */
final class KeywordRule {
  private static final Pattern PLAIN = Pattern.compile("[a-z0-9]+");
  private static final Pattern STEM = Pattern.compile("([a-z0-9-]+)\\\\w\\*");
  private static final Pattern LITERAL_START = Pattern.compile("^[a-z0-9-]+");

  private final LetterTree tree = new LetterTree();
  /** Whether some phrase starts with no known letters, so that its expression is always tried. */
  private boolean anyPhraseStart;
  private final Pattern phrases;

  KeywordRule(List<String> alternatives) {
    List<String> rest = new ArrayList<>();
    for (String a : alternatives) {
      var stem = STEM.matcher(a);
      if (PLAIN.matcher(a).matches()) {
        tree.add(a, false);
      } else if (stem.matches()) {
        tree.add(stem.group(1), true);
      } else {
        rest.add(a);
        var start = LITERAL_START.matcher(a);
        String literal = start.find() ? start.group() : "";
        // In "procedures?" the quantifier makes the last letter optional: it is no part of the start.
        boolean quantified = literal.length() < a.length() && "?*{".indexOf(a.charAt(literal.length())) >= 0;
        String letters = wordPart(quantified ? literal.substring(0, literal.length() - 1) : literal);
        tree.addPhraseStart(letters);
        anyPhraseStart |= letters.isEmpty();
      }
    }
    phrases = rest.isEmpty() ? null : Pattern.compile("\\b(?:" + String.join("|", rest) + ")\\b");
  }

  /** The letters before a hyphen: "on-" of "on-?call" starts a word as "on". */
  private static String wordPart(String literal) {
    int dash = literal.indexOf('-');
    return dash < 0 ? literal : literal.substring(0, dash);
  }

  boolean matches(String lower) {
    return matches(lower, TextWords.of(lower));
  }

  /** Whether the text, split into {@code words} by {@link TextWords#of(String)}, holds a keyword. */
  boolean matches(String lower, TextWords words) {
    int found = 0;
    for (int i = 0; i < words.count() && (found & LetterTree.MATCH) == 0; i++) {
      found |= tree.read(lower, words.start(i), words.end(i));
    }
    if ((found & LetterTree.MATCH) != 0) {
      return true;
    }
    // A phrase match starts at a word boundary, so some word starts with its first letters.
    return phrases != null && ((found & LetterTree.PHRASE) != 0 || anyPhraseStart) && phrases.matcher(lower).find();
  }
}
