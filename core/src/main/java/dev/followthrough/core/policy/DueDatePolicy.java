package dev.followthrough.core.policy;

import dev.followthrough.core.ValidationException;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Fills what a document left out: an item without a priority gets {@code defaultPriority}, and an
 * item without a due date gets the incident's end (else its date) plus the days its priority
 * allows.
 *
 * @param dueDays days after the incident for each priority; every priority must have a positive
 *     number
 */
public record DueDatePolicy(Map<Priority, Integer> dueDays, Priority defaultPriority) {

  public DueDatePolicy {
    List<String> problems = new ArrayList<>();
    if (dueDays == null) {
      problems.add("dueDays: must be given");
    } else {
      for (Priority p : Priority.values()) {
        Integer days = dueDays.get(p);
        if (days == null) {
          problems.add("dueDays." + p + ": must be given");
        } else if (days < 0) {
          problems.add("dueDays." + p + ": " + days + " must not be negative");
        }
      }
    }
    if (defaultPriority == null) {
      problems.add("defaultPriority: must be given");
    }
    if (!problems.isEmpty()) {
      throw new ValidationException("policy", problems);
    }
    dueDays = Map.copyOf(new EnumMap<>(dueDays));
  }

  /** P1 14 days, P2 28, P3 56, P4 90; items without a priority are P3. */
  public static DueDatePolicy standard() {
    return new DueDatePolicy(
        Map.of(Priority.P1, 14, Priority.P2, 28, Priority.P3, 56, Priority.P4, 90), Priority.P3);
  }

  public DueDatePolicy withDueDays(Priority priority, int days) {
    Map<Priority, Integer> changed = new EnumMap<>(dueDays);
    changed.put(priority, days);
    return new DueDatePolicy(changed, defaultPriority);
  }

  public DueDatePolicy withDefaultPriority(Priority priority) {
    return new DueDatePolicy(dueDays, priority);
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
        postmortem.actionItems().stream().map(item -> apply(item, from)).toList());
  }

  private ActionItem apply(ActionItem item, LocalDate from) {
    ActionItem filled = item.priority() == null ? item.withPriority(defaultPriority) : item;
    if (filled.dueDate() == null) {
      filled = filled.withDueDate(from.plusDays(dueDays.get(filled.priority())));
    }
    return filled;
  }
}
