package dev.followthrough.core.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rules of words, tried in order, the first whose words lower-case text holds winning: the
 * timeline kinds, the measure categories. Each rule is written as an expression of alternatives
 * ("alert\w*|noticed|back to normal"). Plain words and word stems of all the rules are looked up
 * together, in one walk of each word of the text through a tree of letters; only phrases and
 * optional parts fall back to a rule's regular expression, tried when a word of the text starts
 * as one of them does. An expression of many alternatives tries each of them at every word, which
 * made wording the importer's hot spot.
 */
final class KeywordRules<K> {
  private static final Pattern PLAIN = Pattern.compile("[a-z0-9]+");
  private static final Pattern STEM = Pattern.compile("([a-z0-9-]+)\\\\w\\*");
  private static final Pattern LITERAL_START = Pattern.compile("^[a-z0-9-]+");

  private final List<K> keys = new ArrayList<>();
  private final LetterTree tree = new LetterTree();
  /** Per rule, its phrases as one expression, or null. */
  private final List<Pattern> phrases = new ArrayList<>();
  /** The rules with a phrase that starts with no known letters: their expression is always tried. */
  private int anyPhraseStart;

  /** @param rules each rule's alternatives, in the order they are tried (at most 32 rules) */
  KeywordRules(Map<K, List<String>> rules) {
    for (var rule : rules.entrySet()) {
      add(rule.getKey(), rule.getValue());
    }
  }

  private void add(K key, List<String> alternatives) {
    int rule = keys.size();
    keys.add(key);
    List<String> rest = new ArrayList<>();
    for (String a : alternatives) {
      var stem = STEM.matcher(a);
      if (PLAIN.matcher(a).matches()) {
        tree.addWord(a, rule);
      } else if (stem.matches()) {
        tree.addStem(stem.group(1), rule);
      } else {
        rest.add(a);
        var start = LITERAL_START.matcher(a);
        String literal = start.find() ? start.group() : "";
        // In "procedures?" the quantifier makes the last letter optional: it is no part of the start.
        boolean quantified = literal.length() < a.length() && "?*{".indexOf(a.charAt(literal.length())) >= 0;
        String letters = wordPart(quantified ? literal.substring(0, literal.length() - 1) : literal);
        tree.addPhraseStart(letters, rule);
        anyPhraseStart |= letters.isEmpty() ? 1 << rule : 0;
      }
    }
    phrases.add(rest.isEmpty() ? null : Pattern.compile("\\b(?:" + String.join("|", rest) + ")\\b"));
  }

  /** The letters before a hyphen: "on-" of "on-?call" starts a word as "on". */
  private static String wordPart(String literal) {
    int dash = literal.indexOf('-');
    return dash < 0 ? literal : literal.substring(0, dash);
  }

  /** The first rule the text, split into {@code words} by {@link TextWords#of(String)}, holds a keyword of; null if none. */
  K first(String lower, TextWords words) {
    long found = 0;
    for (int i = 0; i < words.count(); i++) {
      found |= tree.read(lower, words.start(i), words.end(i));
    }
    int matched = (int) found;
    // A phrase match starts at a word boundary, so some word starts with its first letters.
    int phrased = (int) (found >>> 32) | anyPhraseStart;
    for (int rule = 0; rule < keys.size(); rule++) {
      int bit = 1 << rule;
      if ((matched & bit) != 0
          || (phrased & bit) != 0 && phrases.get(rule) != null && phrases.get(rule).matcher(lower).find()) {
        return keys.get(rule);
      }
    }
    return null;
  }
}
