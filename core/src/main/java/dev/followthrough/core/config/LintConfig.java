package dev.followthrough.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.core.quality.QualityRule;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code lint:} section: {@code rules: {vague: error, no-criterion: off}} and {@code teams:
 * [sre]}, or teams with their members, {@code teams: {payments: [erin, ana@example.com]}}.
 */
final class LintConfig {
  private LintConfig() {}

  static LintSettings read(JsonNode node, List<String> problems) {
    if (!node.isObject()) {
      problems.add("lint: expected a mapping with rules and teams");
      return null;
    }
    ConfigSection section = new ConfigSection("lint", node, problems);
    section.allowOnly(Set.of("rules", "teams"));
    Map<QualityRule, QualityRule.Level> levels = new EnumMap<>(QualityRule.class);
    JsonNode rules = node.get("rules");
    if (rules != null && !rules.isNull()) {
      if (!rules.isObject()) {
        problems.add("lint.rules: expected a mapping such as {vague: error}");
      } else {
        rules.fields().forEachRemaining(e -> {
          var rule = QualityRule.byId(e.getKey());
          // YAML 1.1 reads a bare off as false.
          boolean off = e.getValue().isBoolean() && !e.getValue().asBoolean();
          String level = off ? "off" : e.getValue().asText().toLowerCase(Locale.ROOT);
          if (rule.isEmpty()) {
            problems.add("lint.rules." + e.getKey() + ": not a rule (" + String.join(", ",
                java.util.Arrays.stream(QualityRule.values()).map(QualityRule::id).toList()) + ")");
          } else if (!Set.of("off", "warning", "error").contains(level) || !(off || e.getValue().isTextual())) {
            problems.add("lint.rules." + e.getKey() + ": '" + e.getValue().asText() + "' must be off, warning or error");
          } else {
            levels.put(rule.get(), QualityRule.Level.valueOf(level.toUpperCase(Locale.ROOT)));
          }
        });
      }
    }
    JsonNode teams = node.get("teams");
    if (teams == null || !teams.isObject()) {
      return new LintSettings(levels, section.list("teams"));
    }
    // The mapping form names each team's members: {payments: [erin, ana@example.com]}.
    Map<String, List<String>> members = new java.util.LinkedHashMap<>();
    teams.fields().forEachRemaining(e -> {
      if (e.getValue().isNull()) {
        members.put(e.getKey(), List.of());
      } else if (!e.getValue().isArray() || !allText(e.getValue())) {
        problems.add("lint.teams." + e.getKey() + ": expected a list of owners, such as [erin, ana@example.com]");
      } else {
        List<String> people = new java.util.ArrayList<>();
        e.getValue().forEach(m -> people.add(m.asText()));
        members.put(e.getKey(), people);
      }
    });
    return new LintSettings(levels, List.copyOf(members.keySet()), members);
  }

  private static boolean allText(JsonNode array) {
    for (JsonNode m : array) {
      if (!m.isTextual()) {
        return false;
      }
    }
    return true;
  }
}
