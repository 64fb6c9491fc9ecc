package dev.followthrough.core.report;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.report.OverdueReport.Entry;
import dev.followthrough.core.report.OverdueReport.MonthFigures;
import dev.followthrough.core.report.OverdueReport.RecurrenceEntry;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The follow-through figures of a report: verifications, recurrences and months. */
final class EffectivenessFigures {
  private EffectivenessFigures() {}

  /** Done items whose verification is pending past its due date, most overdue first. */
  static List<Entry> verificationDue(List<Postmortem> postmortems, LocalDate asOf) {
    List<Entry> due = new ArrayList<>();
    for (Postmortem p : postmortems) {
      for (ActionItem item : p.actionItems()) {
        Verification v = item.verification();
        if (v != null && v.isOverdue(asOf)) {
          due.add(new Entry(p, item, ChronoUnit.DAYS.between(v.dueDate(), asOf)));
        }
      }
    }
    due.sort(Comparator.comparing((Entry e) -> -e.daysOverdue()).thenComparing(e -> e.postmortem().id())
        .thenComparing(e -> e.item().id()));
    return due;
  }

  static List<RecurrenceEntry> recurrences(List<Postmortem> postmortems) {
    List<RecurrenceEntry> all = new ArrayList<>();
    for (Postmortem p : postmortems) {
      p.recurrenceOf().forEach(r -> all.add(new RecurrenceEntry(p.id(), r)));
    }
    return all;
  }

  /** Open items of earlier incidents that happened again (a recurrence not dismissed). */
  static List<Entry> openItemsOfRecurredIncidents(List<Postmortem> postmortems, LocalDate asOf) {
    Set<String> recurred = postmortems.stream().flatMap(p -> p.recurrenceOf().stream())
        .filter(r -> r.status() != Recurrence.Status.DISMISSED).map(Recurrence::postmortemId).collect(Collectors.toSet());
    List<Entry> open = new ArrayList<>();
    for (Postmortem p : postmortems) {
      if (recurred.contains(p.id())) {
        p.actionItems().stream().filter(i -> !i.status().isClosed()).forEach(i -> open.add(new Entry(p, i,
            i.dueDate() == null ? null : ChronoUnit.DAYS.between(i.dueDate(), asOf))));
      }
    }
    return open;
  }

  /** Verified (either way) / (verified + pending past due); {@code null} when none is due yet. */
  static Double verificationRate(List<Entry> entries, LocalDate asOf) {
    int verified = 0;
    int overdue = 0;
    for (Entry e : entries) {
      Verification v = e.item().verification();
      if (v == null) {
        continue;
      }
      if (!v.isPending()) {
        verified++;
      } else if (v.isOverdue(asOf)) {
        overdue++;
      }
    }
    return verified + overdue == 0 ? null : round(verified / (double) (verified + overdue));
  }

  /** Effective / verified; {@code null} when nothing was verified. */
  static Double effectiveRate(List<Entry> entries) {
    long effective = entries.stream().filter(e -> state(e) == Verification.State.EFFECTIVE).count();
    long ineffective = entries.stream().filter(e -> state(e) == Verification.State.INEFFECTIVE).count();
    return effective + ineffective == 0 ? null : round(effective / (double) (effective + ineffective));
  }

  /** Share of incidents recorded as a likely or confirmed repeat of an earlier one. */
  static Double recurrenceRate(List<Postmortem> postmortems) {
    if (postmortems.isEmpty()) {
      return null;
    }
    long repeats = postmortems.stream().filter(p -> p.recurrenceOf().stream()
        .anyMatch(r -> r.status() != Recurrence.Status.DISMISSED)).count();
    return round(repeats / (double) postmortems.size());
  }

  /** Per calendar month: incidents and repeats by incident date, items closed and verified. */
  static List<MonthFigures> byMonth(List<Postmortem> postmortems) {
    Map<YearMonth, int[]> months = new TreeMap<>();
    for (Postmortem p : postmortems) {
      LocalDate day = p.incident().referenceDate();
      if (day != null) {
        int[] m = months.computeIfAbsent(YearMonth.from(day), k -> new int[6]);
        m[0]++;
        m[1] += p.recurrenceOf().stream().anyMatch(r -> r.status() != Recurrence.Status.DISMISSED) ? 1 : 0;
      }
      for (ActionItem item : p.actionItems()) {
        if (item.status() == ItemStatus.DONE) {
          ReportBuilder.closedOn(item).ifPresent(closed -> {
            int[] m = months.computeIfAbsent(YearMonth.from(closed), k -> new int[6]);
            m[2]++;
            m[3] += item.dueDate() != null && !closed.isAfter(item.dueDate()) ? 1 : 0;
          });
        }
        Verification v = item.verification();
        if (v != null && v.verifiedAt() != null) {
          int[] m = months.computeIfAbsent(YearMonth.from(v.verifiedAt().atZone(java.time.ZoneOffset.UTC)), k -> new int[6]);
          m[v.state() == Verification.State.EFFECTIVE ? 4 : 5]++;
        }
      }
    }
    List<MonthFigures> figures = new ArrayList<>();
    months.forEach((month, m) -> figures.add(new MonthFigures(month.toString(), m[0], m[1], m[2], m[3], m[4], m[5])));
    return figures;
  }

  private static Verification.State state(Entry e) {
    return e.item().verification() == null ? null : e.item().verification().state();
  }

  private static double round(double rate) {
    return Math.round(rate * 1000) / 1000.0;
  }
}
