package dev.followthrough.core.policy;

import dev.followthrough.core.ValidationException;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills what a document left out: an item without a priority gets {@code defaultPriority}, and an
 * item without a due date gets the incident's end (else its date) plus the days its priority
 * allows, for the incident's severity where {@code severityDueDays} gives them, counted as
 * {@code days} says (calendar days, or working days without holidays).
 *
 * @param dueDays days after the incident for each priority; every priority must have a positive
 *     number
 * @param severityDueDays for some severities ({@code SEV1}), days per priority that replace
 *     {@code dueDays}; a priority a severity leaves out falls back to {@code dueDays}
 * @param days how the days are counted; {@code null} counts calendar days
 */
public record DueDatePolicy(Map<Priority, Integer> dueDays, Priority defaultPriority,
    Map<String, Map<Priority, Integer>> severityDueDays, WorkingDays days) {

  public DueDatePolicy {
    List<String> problems = new ArrayList<>();
    if (dueDays == null) {
      problems.add("dueDays: must be given");
    } else {
      for (Priority p : Priority.values()) {
        Integer n = dueDays.get(p);
        if (n == null) {
          problems.add("dueDays." + p + ": must be given");
        } else if (n < 0) {
          problems.add("dueDays." + p + ": " + n + " must not be negative");
        }
      }
    }
    if (defaultPriority == null) {
      problems.add("defaultPriority: must be given");
    }
    severityDueDays = SeverityTables.checked("dueDays", severityDueDays, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException("policy", problems);
    }
    dueDays = Map.copyOf(new EnumMap<>(dueDays));
    days = days == null ? WorkingDays.calendarDays() : days;
  }

  /** Calendar days, the same for every severity. */
  public DueDatePolicy(Map<Priority, Integer> dueDays, Priority defaultPriority) {
    this(dueDays, defaultPriority, Map.of(), WorkingDays.calendarDays());
  }

  /** P1 14 days, P2 28, P3 56, P4 90, calendar days; items without a priority are P3. */
  public static DueDatePolicy standard() {
    return new DueDatePolicy(
        Map.of(Priority.P1, 14, Priority.P2, 28, Priority.P3, 56, Priority.P4, 90), Priority.P3);
  }

  public DueDatePolicy withDueDays(Priority priority, int n) {
    Map<Priority, Integer> changed = new EnumMap<>(dueDays);
    changed.put(priority, n);
    return new DueDatePolicy(changed, defaultPriority, severityDueDays, days);
  }

  /** This policy where incidents of {@code severity} ({@code SEV1}) give {@code priority} items {@code n} days. */
  public DueDatePolicy withDueDays(String severity, Priority priority, int n) {
    Map<String, Map<Priority, Integer>> changed = new HashMap<>(severityDueDays);
    String key = Severity.key(severity).orElseThrow(() -> new ValidationException("policy",
        List.of("dueDays." + severity + ": not a severity (SEV0 to SEV5)")));
    Map<Priority, Integer> table = new EnumMap<>(Priority.class);
    table.putAll(changed.getOrDefault(key, Map.of()));
    table.put(priority, n);
    changed.put(key, table);
    return new DueDatePolicy(dueDays, defaultPriority, changed, days);
  }

  public DueDatePolicy withDefaultPriority(Priority priority) {
    return new DueDatePolicy(dueDays, priority, severityDueDays, days);
  }

  /** This policy counting days as {@code counting} says, such as {@link WorkingDays#businessDays}. */
  public DueDatePolicy withDays(WorkingDays counting) {
    return new DueDatePolicy(dueDays, defaultPriority, severityDueDays, counting);
  }

  /** The days an item of this priority gets in an incident of this severity ({@code null}: none given). */
  public int dueDaysFor(String severity, Priority priority) {
    return SeverityTables.days(dueDays, severityDueDays, severity, priority);
  }

  /**
   * Applies the policy to every item.
   *
   * @param fallback the day to count from when the document gives no incident date (usually
   *     today)
   */
  public Postmortem apply(Postmortem postmortem, LocalDate fallback) {
    LocalDate base = postmortem.incident().referenceDate();
    LocalDate from = base != null ? base : fallback;
    return postmortem.withActionItems(
        postmortem.actionItems().stream().map(item -> apply(item, postmortem.severity(), from)).toList());
  }

  private ActionItem apply(ActionItem item, String severity, LocalDate from) {
    ActionItem filled = item.priority() == null ? item.withPriority(defaultPriority) : item;
    if (filled.dueDate() == null) {
      filled = filled.withDueDate(days.plus(from, dueDaysFor(severity, filled.priority())));
    }
    return filled;
  }
}
