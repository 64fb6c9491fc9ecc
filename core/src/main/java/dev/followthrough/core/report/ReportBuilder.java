package dev.followthrough.core.report;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.report.OverdueReport.Entry;
import dev.followthrough.core.report.OverdueReport.Summary;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes an {@link OverdueReport} from postmortems; pure and thread-safe. */
public final class ReportBuilder {
  private final LocalDate asOf;
  private final int dueSoonDays;

  /**
   * @param dueSoonDays how far ahead counts as "due soon" (7 in the CLI)
   */
  public ReportBuilder(LocalDate asOf, int dueSoonDays) {
    if (dueSoonDays < 0) {
      throw new IllegalArgumentException("dueSoonDays must not be negative");
    }
    this.asOf = asOf;
    this.dueSoonDays = dueSoonDays;
  }

  public OverdueReport build(List<Postmortem> postmortems) {
    List<Entry> overdue = new ArrayList<>();
    List<Entry> dueSoon = new ArrayList<>();
    List<Entry> unowned = new ArrayList<>();
    List<Entry> all = new ArrayList<>();
    for (Postmortem p : postmortems) {
      for (ActionItem item : p.actionItems()) {
        Long days = item.dueDate() == null ? null : ChronoUnit.DAYS.between(item.dueDate(), asOf);
        Entry e = new Entry(p, item, days);
        all.add(e);
        if (item.status().isClosed()) {
          continue;
        }
        if (item.isOverdue(asOf)) {
          overdue.add(e);
        } else if (days != null && -days <= dueSoonDays) {
          dueSoon.add(e);
        }
        if (item.owner() == null) {
          unowned.add(e);
        }
      }
    }
    Comparator<Entry> byKey = Comparator.comparing((Entry e) -> e.postmortem().id()).thenComparing(e -> e.item().id());
    overdue.sort(Comparator.comparing((Entry e) -> -e.daysOverdue()).thenComparing(byKey));
    dueSoon.sort(Comparator.comparing((Entry e) -> -e.daysOverdue()).thenComparing(byKey));
    unowned.sort(Comparator.comparing((Entry e) -> e.daysOverdue() == null ? Long.MIN_VALUE : e.daysOverdue(),
        Comparator.reverseOrder()).thenComparing(byKey));
    Map<Priority, Summary> byPriority = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      List<Entry> some = all.stream().filter(e -> e.item().priority() == priority).toList();
      if (!some.isEmpty()) {
        byPriority.put(priority, summarize(some, null));
      }
    }
    return new OverdueReport(asOf, dueSoonDays, overdue, dueSoon, unowned,
        summarize(all, EffectivenessFigures.recurrenceRate(postmortems)), byPriority,
        EffectivenessFigures.verificationDue(postmortems, asOf), EffectivenessFigures.recurrences(postmortems),
        EffectivenessFigures.openItemsOfRecurredIncidents(postmortems, asOf), EffectivenessFigures.byMonth(postmortems));
  }

  private Summary summarize(List<Entry> entries, Double recurrenceRate) {
    int open = 0;
    int overdue = 0;
    int done = 0;
    int wontDo = 0;
    int onTime = 0;
    int late = 0;
    List<Long> daysToClose = new ArrayList<>();
    for (Entry e : entries) {
      ActionItem item = e.item();
      if (item.status() == ItemStatus.WONT_DO) {
        wontDo++;
      } else if (item.status() == ItemStatus.DONE) {
        done++;
        Optional<LocalDate> closed = closedOn(item);
        if (closed.isPresent()) {
          if (item.dueDate() != null) {
            if (closed.get().isAfter(item.dueDate())) {
              late++;
            } else {
              onTime++;
            }
          }
          LocalDate from = e.postmortem().incident().referenceDate();
          if (from != null) {
            daysToClose.add(ChronoUnit.DAYS.between(from, closed.get()));
          }
        }
      } else {
        open++;
        if (item.isOverdue(asOf)) {
          overdue++;
        }
      }
    }
    int countable = entries.size() - wontDo;
    return new Summary(entries.size(), open, overdue, done, wontDo, onTime, late,
        countable == 0 ? null : round(done / (double) countable),
        onTime + late == 0 ? null : round(onTime / (double) (onTime + late)),
        median(daysToClose), EffectivenessFigures.verificationRate(entries, asOf),
        EffectivenessFigures.effectiveRate(entries), recurrenceRate);
  }

  /** The day the item last became DONE, from its history. */
  static Optional<LocalDate> closedOn(ActionItem item) {
    HistoryEntry last = null;
    for (HistoryEntry h : item.history()) {
      if (h.field().equals("status") && ItemStatus.DONE.name().equals(h.to())) {
        last = h;
      }
    }
    return Optional.ofNullable(last).map(h -> LocalDate.ofInstant(h.at(), ZoneOffset.UTC));
  }

  private static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static double round(double rate) {
    return Math.round(rate * 1000) / 1000.0;
  }
}
