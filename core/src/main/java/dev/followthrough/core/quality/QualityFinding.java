package dev.followthrough.core.quality;

import dev.followthrough.core.model.Finding;
import java.util.Objects;

/**
 * One quality problem: which rule, how much it matters, why in one sentence and how to fix it.
 *
 * @param itemId the item it concerns, or {@code null} for a finding on the whole postmortem
 * @param line the document line of the item (1-based), or {@code null} when not known
 */
public record QualityFinding(QualityRule rule, QualityRule.Level level, String itemId, Integer line, String why,
    String fix) {
  public QualityFinding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(fix, "fix");
    if (level == QualityRule.Level.OFF) {
      throw new IllegalArgumentException("a finding of a rule that is off");
    }
  }

  /** The finding as it is stored with its item or postmortem, which already say where it is. */
  public Finding toFinding() {
    return new Finding(rule.id(), level == QualityRule.Level.ERROR ? Finding.Level.ERROR : Finding.Level.WARNING, why,
        fix);
  }
}
