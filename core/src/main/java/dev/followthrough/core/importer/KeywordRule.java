package dev.followthrough.core.importer;

import java.util.List;
import java.util.Map;

/** Whether lower-case text holds any of one rule's words ("alert\w*|noticed|back to normal"); see {@link KeywordRules}. */
final class KeywordRule {
  private final KeywordRules<Boolean> rule;

  KeywordRule(List<String> alternatives) {
    rule = new KeywordRules<>(Map.of(true, alternatives));
  }

  boolean matches(String lower) {
    return rule.first(lower, TextWords.of(lower)) != null;
  }
}
