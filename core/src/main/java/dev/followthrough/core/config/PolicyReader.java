package dev.followthrough.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.policy.HolidayCalendar;
import dev.followthrough.core.policy.Severity;
import dev.followthrough.core.policy.WorkingDays;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The day tables and day counting of the {@code policy:} section: {@code dueDays} and
 * {@code verifyDays} per priority, optionally per severity ({@code SEV1: {P1: 7}}), and
 * {@code businessDays} with {@code holidays} (a country or region code, or an {@code .ics} file
 * relative to the configuration file).
 */
final class PolicyReader {
  private final JsonNode policy;
  private final List<String> problems;
  private final Path baseDir;

  PolicyReader(JsonNode policy, List<String> problems, Path baseDir) {
    this.policy = policy;
    this.problems = problems;
    this.baseDir = baseDir;
  }

  /** A map of days per priority, such as {@code dueDays: {P1: 14}}, over the defaults. */
  Map<Priority, Integer> plain(String key, Map<Priority, Integer> defaults) {
    Map<Priority, Integer> days = new EnumMap<>(defaults);
    JsonNode node = table(key);
    if (node == null) {
      return days;
    }
    node.fields().forEachRemaining(e -> {
      if (!e.getValue().isObject()) {
        Priority p = priority(key + "." + e.getKey(), e.getKey(), true);
        Integer n = p == null ? null : number(key + "." + e.getKey(), e.getValue());
        if (n != null) {
          days.put(p, n);
        }
      }
    });
    return days;
  }

  /** The severity tables in {@code dueDays: {SEV1: {P1: 7, P2: 14}}}; severities not named fall back. */
  Map<String, Map<Priority, Integer>> bySeverity(String key) {
    Map<String, Map<Priority, Integer>> tables = new LinkedHashMap<>();
    JsonNode node = table(key);
    if (node == null) {
      return tables;
    }
    node.fields().forEachRemaining(e -> {
      if (!e.getValue().isObject()) {
        return;
      }
      String where = key + "." + e.getKey();
      String severity = Severity.key(e.getKey()).orElse(null);
      if (severity == null) {
        problems.add("policy." + where + ": not a severity (SEV0 to SEV5) with days per priority");
        return;
      }
      Map<Priority, Integer> days = new EnumMap<>(Priority.class);
      e.getValue().fields().forEachRemaining(d -> {
        Priority p = priority(where + "." + d.getKey(), d.getKey(), false);
        Integer n = p == null ? null : number(where + "." + d.getKey(), d.getValue());
        if (n != null) {
          days.put(p, n);
        }
      });
      tables.put(severity, days);
    });
    return tables;
  }

  /**
   * Calendar days, or with {@code businessDays: true} working days less the {@code holidays}:
   * a code such as {@code US} or {@code DE-BY}, or an iCalendar file ({@code holidays.ics}).
   */
  WorkingDays days() {
    ConfigSection section = new ConfigSection("policy", policy, problems);
    boolean business = section.flag("businessDays", false);
    String holidays = section.text("holidays");
    if (holidays == null) {
      return business ? WorkingDays.businessDays(HolidayCalendar.none()) : WorkingDays.calendarDays();
    }
    if (!business) {
      section.problem("holidays", "only counts with businessDays: true (add it, or remove holidays)");
      return WorkingDays.calendarDays();
    }
    try {
      return WorkingDays.businessDays(isFile(holidays) ? HolidayCalendar.ics(baseDir.resolve(holidays))
          : HolidayCalendar.region(holidays));
    } catch (IllegalArgumentException e) {
      section.problem("holidays", e.getMessage());
      return WorkingDays.businessDays(HolidayCalendar.none());
    }
  }

  private static boolean isFile(String holidays) {
    return holidays.toLowerCase(Locale.ROOT).endsWith(".ics") || holidays.contains("/") || holidays.contains("\\");
  }

  private JsonNode table(String key) {
    JsonNode node = policy.get(key);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problems.add("policy." + key + ": expected a mapping such as {P1: 14, P2: 28} or {SEV1: {P1: 7}}");
      return null;
    }
    return node;
  }

  private Priority priority(String where, String text, boolean orSeverity) {
    var p = Priority.parse(text);
    if (p.isEmpty() || !text.matches("(?i)p[1-4]")) {
      problems.add("policy." + where + ": not a priority (P1 to P4)"
          + (orSeverity ? " nor a severity (SEV0 to SEV5) with days per priority" : ""));
      return null;
    }
    return p.get();
  }

  private Integer number(String where, JsonNode value) {
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
      problems.add("policy." + where + ": '" + value.asText() + "' must be a whole number of days");
      return null;
    }
    return value.asInt();
  }
}
