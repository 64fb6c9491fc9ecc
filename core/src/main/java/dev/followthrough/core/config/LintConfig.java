package dev.followthrough.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.core.quality.QualityRule;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code lint:} section: {@code rules: {vague: error, no-criterion: off}} and {@code teams: [sre]}. */
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
    return new LintSettings(levels, section.list("teams"));
  }
}
