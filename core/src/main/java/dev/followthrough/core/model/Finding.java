package dev.followthrough.core.model;

/**
 * A quality finding stored with what it judges (an action item, or a whole postmortem): the rule,
 * how much it matters, why in one sentence and how to fix it. Derived from the document at parse
 * and import, never edited by hand: a re-import replaces an item's findings with the document's.
 *
 * @param rule the rule's id as the {@code lint:} configuration names it ({@code vague},
 *     {@code no-owner}…)
 * @param level {@code WARNING} or {@code ERROR}; a rule switched off makes no finding
 */
public record Finding(String rule, Level level, String why, String fix) {
  /** How much a finding matters. */
  public enum Level { WARNING, ERROR }

  public Finding {
    new Problems("finding").notBlank("rule", rule).notNull("level", level).notBlank("why", why)
        .notBlank("fix", fix).throwIfAny();
  }

  public boolean isError() {
    return level == Level.ERROR;
  }
}
