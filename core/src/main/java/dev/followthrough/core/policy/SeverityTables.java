package dev.followthrough.core.policy;

import dev.followthrough.core.model.Priority;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Days per priority for some severities, over the table for every incident. */
final class SeverityTables {
  private SeverityTables() {}

  /**
   * A checked, unmodifiable copy: every key a severity ({@code SEV0} to {@code SEV5}), every
   * priority's days 0 or more. A severity may give only some priorities; the rest fall back.
   */
  static Map<String, Map<Priority, Integer>> checked(String key, Map<String, Map<Priority, Integer>> tables,
      List<String> problems) {
    Map<String, Map<Priority, Integer>> copy = new LinkedHashMap<>();
    if (tables == null) {
      return Map.of();
    }
    tables.forEach((severity, days) -> {
      String sev = severity == null ? null : Severity.key(severity).orElse(null);
      if (sev == null) {
        problems.add(key + "." + severity + ": not a severity (SEV0 to SEV5)");
        return;
      }
      Map<Priority, Integer> table = new EnumMap<>(Priority.class);
      (days == null ? Map.<Priority, Integer>of() : days).forEach((p, n) -> {
        if (p == null || n == null || n < 0) {
          problems.add(key + "." + sev + "." + p + ": must be a number of days, 0 or more");
        } else {
          table.put(p, n);
        }
      });
      copy.put(sev, Map.copyOf(table));
    });
    return Map.copyOf(copy);
  }

  /** The severity's days for this priority where it gives them, else the plain table's. */
  static int days(Map<Priority, Integer> plain, Map<String, Map<Priority, Integer>> bySeverity, String severity,
      Priority priority) {
    Map<Priority, Integer> table = Severity.of(severity).map(bySeverity::get).orElse(null);
    Integer days = table == null ? null : table.get(priority);
    return days != null ? days : plain.get(priority);
  }
}
