package dev.followthrough.core.quality;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code lint:} section: each rule's level (off, warning, error) and the owner names that are
 * teams rather than people.
 *
 * @param levels overrides of {@link QualityRule#defaultLevel()}; rules not named keep their default
 * @param teams owner names (case-insensitive) that name a team; names such as {@code sre-team},
 *     {@code @org/platform} or {@code ops} are teams without being listed
 */
public record LintSettings(Map<QualityRule, QualityRule.Level> levels, List<String> teams) {
  public LintSettings {
    levels = levels == null ? Map.of() : Map.copyOf(levels);
    teams = teams == null ? List.of() : teams.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
  }

  public static LintSettings standard() {
    return new LintSettings(Map.of(), List.of());
  }

  public QualityRule.Level level(QualityRule rule) {
    return levels.getOrDefault(rule, rule.defaultLevel());
  }

  public LintSettings withLevel(QualityRule rule, QualityRule.Level level) {
    Map<QualityRule, QualityRule.Level> changed = new EnumMap<>(QualityRule.class);
    changed.putAll(levels);
    changed.put(rule, level);
    return new LintSettings(changed, teams);
  }
}
