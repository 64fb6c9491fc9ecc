package dev.followthrough.server.dashboard;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.store.ItemFacts;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/**
 * How a postmortem's items were followed through as of a day: done on time, done late, open,
 * overdue, and which fixes were verified. An item counts as done on time or late by the day its
 * history shows it closed, as the report's summary counts it.
 */
final class FollowThrough {
  /** Where one item stands. */
  enum Outcome {
    DONE_ON_TIME("done on time", "ontime"),
    DONE_LATE("done late", "late"),
    DONE_UNDATED("done (close or due date unknown)", "done"),
    OVERDUE("overdue", "overdue"),
    OPEN("open", "open"),
    WONT_DO("won't do", "wontdo");

    final String label;
    final String cssClass;

    Outcome(String label, String cssClass) {
      this.label = label;
      this.cssClass = cssClass;
    }
  }

  private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
  private final Map<Verification.State, Integer> verifications = new EnumMap<>(Verification.State.class);
  private final LocalDate asOf;
  private final LocalDate incidentDay;

  FollowThrough(Postmortem postmortem, LocalDate asOf) {
    this.asOf = asOf;
    this.incidentDay = postmortem.incident().referenceDate();
    for (Outcome o : Outcome.values()) {
      counts.put(o, 0);
    }
    for (Verification.State s : Verification.State.values()) {
      verifications.put(s, 0);
    }
    for (ActionItem item : postmortem.actionItems()) {
      counts.merge(outcome(item), 1, Integer::sum);
      if (item.verification() != null) {
        verifications.merge(item.verification().state(), 1, Integer::sum);
      }
    }
  }

  int count(Outcome outcome) {
    return counts.get(outcome);
  }

  int verified(Verification.State state) {
    return verifications.get(state);
  }

  int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  Outcome outcome(ActionItem item) {
    if (item.status() == ItemStatus.WONT_DO) {
      return Outcome.WONT_DO;
    }
    if (item.status() == ItemStatus.DONE) {
      LocalDate closed = closedOn(item);
      if (closed == null || item.dueDate() == null) {
        return Outcome.DONE_UNDATED;
      }
      return closed.isAfter(item.dueDate()) ? Outcome.DONE_LATE : Outcome.DONE_ON_TIME;
    }
    return item.isOverdue(asOf) ? Outcome.OVERDUE : Outcome.OPEN;
  }

  /** The day the item was last closed as done, from its history, or {@code null}. */
  LocalDate closedOn(ActionItem item) {
    return ItemFacts.of(item, incidentDay).closedOn();
  }

  /** The outcome in words with its days: {@code done late (closed 2025-03-04, 3 days after due)}. */
  String describe(ActionItem item) {
    Outcome o = outcome(item);
    return switch (o) {
      case DONE_ON_TIME -> o.label + " (closed " + closedOn(item) + ")";
      case DONE_LATE -> o.label + " (closed " + closedOn(item) + ", "
          + ChronoUnit.DAYS.between(item.dueDate(), closedOn(item)) + " days after due)";
      case OVERDUE -> o.label + " by " + ChronoUnit.DAYS.between(item.dueDate(), asOf) + " days";
      case OPEN -> item.dueDate() == null ? "open, no due date" : "open, due in "
          + ChronoUnit.DAYS.between(asOf, item.dueDate()) + " days";
      default -> o.label;
    };
  }
}
