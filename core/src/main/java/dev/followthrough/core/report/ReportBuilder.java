package dev.followthrough.core.report;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.core.report.OverdueReport.Entry;
import dev.followthrough.core.store.ItemFacts;
import dev.followthrough.core.store.ItemRow;
import dev.followthrough.core.store.ReportData;
import dev.followthrough.core.store.ReportSelection;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes an {@link OverdueReport}: the figures from the items' counted {@link ItemFacts}, the
 * lists from the few items a {@link ReportSelection} picks. Pure and thread-safe.
 */
public final class ReportBuilder {
  private final LocalDate asOf;
  private final int dueSoonDays;
  private final LintSettings lint;
  private final boolean printedFieldsOnly;

  /**
   * @param dueSoonDays how far ahead counts as "due soon" (7 in the CLI)
   */
  public ReportBuilder(LocalDate asOf, int dueSoonDays) {
    this(asOf, dueSoonDays, LintSettings.standard(), false);
  }

  private ReportBuilder(LocalDate asOf, int dueSoonDays, LintSettings lint, boolean printedFieldsOnly) {
    if (dueSoonDays < 0) {
      throw new IllegalArgumentException("dueSoonDays must not be negative");
    }
    this.asOf = asOf;
    this.dueSoonDays = dueSoonDays;
    this.lint = lint == null ? LintSettings.standard() : lint;
    this.printedFieldsOnly = printedFieldsOnly;
  }

  /** A builder that counts quality per team by these settings' teams ({@link LintSettings#teamOf}). */
  public ReportBuilder withLint(LintSettings settings) {
    return new ReportBuilder(asOf, dueSoonDays, settings, printedFieldsOnly);
  }

  /**
   * A builder whose listed items carry only what the text, Markdown, CSV and HTML formats print
   * ({@link ReportData#printedItems}): the same output, with less read. Not for the JSON format,
   * which prints whole items, nor for reminders, which read items' tickets and history.
   */
  public ReportBuilder forPrinting() {
    return new ReportBuilder(asOf, dueSoonDays, lint, true);
  }

  /** The report over postmortems already loaded. */
  public OverdueReport build(List<Postmortem> postmortems) {
    return build(ReportData.of(postmortems));
  }

  /**
   * The report over what a store answers ({@link dev.followthrough.core.store.ActionStore#reportData()}).
   * Its entries carry their postmortems without action items.
   */
  public OverdueReport build(ReportData data) {
    List<Postmortem> postmortems = data.postmortems();
    Map<String, Postmortem> byId = postmortems.stream().collect(Collectors.toMap(Postmortem::id, Function.identity()));
    Set<String> recurred = EffectivenessFigures.recurred(postmortems);
    ReportSelection selection = new ReportSelection(asOf.plusDays(dueSoonDays), asOf, recurred);
    Lists lists = new Lists();
    for (ItemRow row : printedFieldsOnly ? data.printedItems(selection) : data.items(selection)) {
      Postmortem p = byId.get(row.postmortemId());
      // A postmortem written after the list of postmortems was read is left to the next report.
      if (p != null && selection.matches(row.postmortemId(), row.item())) {
        lists.add(p, row.item(), recurred.contains(p.id()));
      }
    }
    Map<ItemFacts, Long> facts = data.itemFacts();
    Map<Priority, OverdueReport.Summary> byPriority = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      Map<ItemFacts, Long> some = facts.entrySet().stream().filter(e -> e.getKey().priority() == priority)
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      if (!some.isEmpty()) {
        byPriority.put(priority, new FactCounts(asOf, some).summary(null));
      }
    }
    return new OverdueReport(asOf, dueSoonDays, lists.sorted(lists.overdue), lists.sorted(lists.dueSoon),
        lists.unowned(), new FactCounts(asOf, facts).summary(EffectivenessFigures.recurrenceRate(postmortems)),
        byPriority, lists.sorted(lists.verificationDue), EffectivenessFigures.recurrences(postmortems),
        lists.recurredOpen, EffectivenessFigures.byMonth(postmortems, facts),
        QualityFigures.of(postmortems, data.qualityCounts(), lint));
  }

  /** The listed items, in the report's sections. */
  private final class Lists {
    final List<Entry> overdue = new ArrayList<>();
    final List<Entry> dueSoon = new ArrayList<>();
    final List<Entry> unowned = new ArrayList<>();
    final List<Entry> verificationDue = new ArrayList<>();
    final List<Entry> recurredOpen = new ArrayList<>();

    void add(Postmortem p, ActionItem item, boolean recurred) {
      Long days = item.dueDate() == null ? null : ChronoUnit.DAYS.between(item.dueDate(), asOf);
      Entry e = new Entry(p, item, days);
      if (!item.status().isClosed()) {
        if (item.isOverdue(asOf)) {
          overdue.add(e);
        } else if (days != null && -days <= dueSoonDays) {
          dueSoon.add(e);
        }
        if (item.owner() == null) {
          unowned.add(e);
        }
        if (recurred) {
          recurredOpen.add(e);
        }
      }
      Verification v = item.verification();
      if (v != null && v.isOverdue(asOf)) {
        verificationDue.add(new Entry(p, item, ChronoUnit.DAYS.between(v.dueDate(), asOf)));
      }
    }

    /** Most overdue first, then by postmortem and item. */
    List<Entry> sorted(List<Entry> entries) {
      // Compared unboxed: hundreds of thousands of overdue items are sorted in a large report.
      entries.sort((a, b) -> {
        int byDays = Long.compare(b.daysOverdue(), a.daysOverdue());
        return byDays != 0 ? byDays : BY_KEY.compare(a, b);
      });
      return entries;
    }

    /** Most overdue first, those without a due date last. */
    List<Entry> unowned() {
      unowned.sort(Comparator.comparing((Entry e) -> e.daysOverdue() == null ? Long.MIN_VALUE : e.daysOverdue(),
          Comparator.reverseOrder()).thenComparing(BY_KEY));
      return unowned;
    }
  }

  private static final Comparator<Entry> BY_KEY =
      Comparator.comparing((Entry e) -> e.postmortem().id()).thenComparing(e -> e.item().id());
}
