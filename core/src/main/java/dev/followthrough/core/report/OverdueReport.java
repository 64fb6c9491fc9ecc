package dev.followthrough.core.report;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.model.Priority;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What is overdue, due soon and unowned as of a day, with completion figures.
 *
 * @param overdue open items whose due date is before {@code asOf}, most overdue first
 * @param dueSoon open items due from {@code asOf} to {@code asOf + dueSoonDays}, soonest first
 * @param unowned open items without an owner
 * @param byPriority the summary for each priority that has items
 */
public record OverdueReport(
    LocalDate asOf,
    int dueSoonDays,
    List<Entry> overdue,
    List<Entry> dueSoon,
    List<Entry> unowned,
    Summary summary,
    Map<Priority, Summary> byPriority) {

  public OverdueReport {
    overdue = List.copyOf(overdue);
    dueSoon = List.copyOf(dueSoon);
    unowned = List.copyOf(unowned);
    byPriority = Map.copyOf(byPriority);
  }

  /**
   * An item in a report.
   *
   * @param daysOverdue {@code asOf - dueDate} in days; negative for items not yet due, {@code
   *     null} without a due date
   */
  public record Entry(Postmortem postmortem, ActionItem item, Long daysOverdue) {
    /** The item's ticket, if one was created: a pending create has no ticket yet. */
    public java.util.Optional<TicketLink> ticket() {
      return item.tickets().stream().filter(t -> t.key() != null).findFirst();
    }

    /** The ticket's URL, else its key, else {@code null}. */
    public String ticketUrl() {
      return ticket().map(t -> t.url() != null ? t.url() : t.key()).orElse(null);
    }

    /** The ticket's key, or {@code null}. */
    public String ticketKey() {
      return ticket().map(TicketLink::key).orElse(null);
    }
  }

  /**
   * Counts over a set of items.
   *
   * @param doneOnTime closed as done on or before the due date (close date from the item history)
   * @param doneLate closed as done after the due date
   * @param completionRate done / (all items except won't-do), or {@code null} when there are none
   * @param onTimeRate doneOnTime / (doneOnTime + doneLate), or {@code null} when no close date is
   *     known
   * @param medianDaysToClose median days from the incident to closing, or {@code null}
   */
  public record Summary(
      int total, int open, int overdue, int done, int wontDo, int doneOnTime, int doneLate,
      Double completionRate, Double onTimeRate, Double medianDaysToClose) {}
}
