package dev.followthrough.core.report;

import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.report.OverdueReport.MonthFigures;
import dev.followthrough.core.report.OverdueReport.RecurrenceEntry;
import dev.followthrough.core.store.ItemFacts;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The follow-through figures of a report: recurrences and months. */
final class EffectivenessFigures {
  private EffectivenessFigures() {}

  static List<RecurrenceEntry> recurrences(List<Postmortem> postmortems) {
    List<RecurrenceEntry> all = new ArrayList<>();
    for (Postmortem p : postmortems) {
      p.recurrenceOf().forEach(r -> all.add(new RecurrenceEntry(p.id(), r)));
    }
    return all;
  }

  /** Earlier incidents that happened again: named by a recurrence that was not dismissed. */
  static Set<String> recurred(List<Postmortem> postmortems) {
    return postmortems.stream().flatMap(p -> p.recurrenceOf().stream())
        .filter(r -> r.status() != Recurrence.Status.DISMISSED).map(Recurrence::postmortemId).collect(Collectors.toSet());
  }

  /** Share of incidents recorded as a likely or confirmed repeat of an earlier one. */
  static Double recurrenceRate(List<Postmortem> postmortems) {
    if (postmortems.isEmpty()) {
      return null;
    }
    long repeats = postmortems.stream().filter(EffectivenessFigures::isRepeat).count();
    return Math.round(repeats / (double) postmortems.size() * 1000) / 1000.0;
  }

  private static boolean isRepeat(Postmortem p) {
    return p.recurrenceOf().stream().anyMatch(r -> r.status() != Recurrence.Status.DISMISSED);
  }

  /** Per calendar month: incidents and repeats by incident date, items closed and verified. */
  static List<MonthFigures> byMonth(List<Postmortem> postmortems, Map<ItemFacts, Long> facts) {
    Map<YearMonth, long[]> months = new TreeMap<>();
    for (Postmortem p : postmortems) {
      LocalDate day = p.incident().referenceDate();
      if (day != null) {
        long[] m = months.computeIfAbsent(YearMonth.from(day), k -> new long[6]);
        m[0]++;
        m[1] += isRepeat(p) ? 1 : 0;
      }
    }
    facts.forEach((f, n) -> {
      if (f.status() == ItemStatus.DONE && f.closedOn() != null) {
        long[] m = months.computeIfAbsent(YearMonth.from(f.closedOn()), k -> new long[6]);
        m[2] += n;
        m[3] += f.dueDate() != null && !f.closedOn().isAfter(f.dueDate()) ? n : 0;
      }
      if (f.verifiedOn() != null) {
        long[] m = months.computeIfAbsent(YearMonth.from(f.verifiedOn()), k -> new long[6]);
        m[f.verification() == Verification.State.EFFECTIVE ? 4 : 5] += n;
      }
    });
    List<MonthFigures> figures = new ArrayList<>();
    months.forEach((month, m) -> figures.add(new MonthFigures(month.toString(), Math.toIntExact(m[0]),
        Math.toIntExact(m[1]), Math.toIntExact(m[2]), Math.toIntExact(m[3]), Math.toIntExact(m[4]),
        Math.toIntExact(m[5]))));
    return figures;
  }
}
