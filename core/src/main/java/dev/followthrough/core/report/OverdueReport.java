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
 * @param verificationDue done items whose verification is past due, most overdue first, with
 *     the days since it fell due
 * @param recurrences every recorded repeat of an earlier incident
 * @param openItemsOfRecurredIncidents open items of earlier incidents that happened again
 * @param byMonth incidents, repeats, closes and verifications per month, oldest first
 * @param quality the share of items with quality findings, overall, per postmortem and per team
 */
public record OverdueReport(
    LocalDate asOf,
    int dueSoonDays,
    List<Entry> overdue,
    List<Entry> dueSoon,
    List<Entry> unowned,
    Summary summary,
    Map<Priority, Summary> byPriority,
    List<Entry> verificationDue,
    List<RecurrenceEntry> recurrences,
    List<Entry> openItemsOfRecurredIncidents,
    List<MonthFigures> byMonth,
    QualityFigures quality) {

  public OverdueReport {
    overdue = List.copyOf(overdue);
    dueSoon = List.copyOf(dueSoon);
    unowned = List.copyOf(unowned);
    byPriority = Map.copyOf(byPriority);
    verificationDue = List.copyOf(verificationDue);
    recurrences = List.copyOf(recurrences);
    openItemsOfRecurredIncidents = List.copyOf(openItemsOfRecurredIncidents);
    byMonth = List.copyOf(byMonth);
    quality = quality == null ? QualityFigures.EMPTY : quality;
  }

  /** A report without quality figures. */
  public OverdueReport(LocalDate asOf, int dueSoonDays, List<Entry> overdue, List<Entry> dueSoon, List<Entry> unowned,
      Summary summary, Map<Priority, Summary> byPriority, List<Entry> verificationDue,
      List<RecurrenceEntry> recurrences, List<Entry> openItemsOfRecurredIncidents, List<MonthFigures> byMonth) {
    this(asOf, dueSoonDays, overdue, dueSoon, unowned, summary, byPriority, verificationDue, recurrences,
        openItemsOfRecurredIncidents, byMonth, null);
  }

  /** A postmortem recorded as a likely repeat of an earlier one. */
  public record RecurrenceEntry(String postmortemId, dev.followthrough.core.model.Recurrence recurrence) {}

  /** One calendar month ({@code 2025-06}) of follow-through. */
  public record MonthFigures(String month, int incidents, int recurrences, int itemsDone, int itemsDoneOnTime,
      int verifiedEffective, int verifiedIneffective) {}

  /**
   * An item in a report.
   *
   * @param postmortem the item's postmortem without its action items (a report reads only the
   *     items it lists)
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
   * @param verificationRate verified (either way) / (verified + pending past due), or {@code null}
   * @param effectiveRate verified effective / verified, or {@code null}
   * @param recurrenceRate incidents recorded as a repeat of an earlier one / incidents; {@code null}
   *     per priority
   */
  public record Summary(
      int total, int open, int overdue, int done, int wontDo, int doneOnTime, int doneLate,
      Double completionRate, Double onTimeRate, Double medianDaysToClose, Double verificationRate,
      Double effectiveRate, Double recurrenceRate) {}
}
