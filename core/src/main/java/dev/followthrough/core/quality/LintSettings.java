package dev.followthrough.core.quality;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code lint:} section: each rule's level (off, warning, error), the owner names that are
 * teams rather than people, and, optionally, who is in each team.
 *
 * @param levels overrides of {@link QualityRule#defaultLevel()}; rules not named keep their default
 * @param teams owner names (case-insensitive) that name a team; names such as {@code sre-team},
 *     {@code @org/platform} or {@code ops} are teams without being listed
 * @param members for a team, the owners (handles or e-mail addresses, case-insensitive, a leading
 *     {@code @} ignored) in it: reports count an owner's items under the owner's team
 */
public record LintSettings(Map<QualityRule, QualityRule.Level> levels, List<String> teams,
    Map<String, List<String>> members) {
  public LintSettings {
    levels = levels == null ? Map.of() : Map.copyOf(levels);
    teams = teams == null ? List.of() : teams.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
    Map<String, List<String>> copy = new LinkedHashMap<>();
    if (members != null) {
      members.forEach((team, people) -> copy.put(team.strip(), people == null ? List.of() : List.copyOf(people)));
    }
    members = java.util.Collections.unmodifiableMap(copy);
  }

  /** Rule levels and team names, without members. */
  public LintSettings(Map<QualityRule, QualityRule.Level> levels, List<String> teams) {
    this(levels, teams, Map.of());
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
    return new LintSettings(changed, teams, members);
  }

  /**
   * The team a report counts an owner's items under: the first team of {@link #members()} that
   * lists the owner, else the owner as written (a team owner is its own team). {@code null} for
   * no owner.
   */
  public String teamOf(String owner) {
    if (owner == null) {
      return null;
    }
    String key = normal(owner);
    for (Map.Entry<String, List<String>> team : members.entrySet()) {
      if (team.getValue().stream().anyMatch(m -> normal(m).equals(key))) {
        return team.getKey();
      }
    }
    return owner;
  }

  private static String normal(String owner) {
    String s = owner.strip().toLowerCase(Locale.ROOT);
    return s.startsWith("@") ? s.substring(1) : s;
  }
}
