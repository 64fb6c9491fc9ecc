package dev.followthrough.core.store;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a report reads from a store: the postmortems without their items, the items reduced to
 * counted {@link ItemFacts}, and only the items it lists. A store that can group and select in a
 * query answers without loading every item ({@link ActionStore#reportData()}).
 */
public interface ReportData {
  /** Every postmortem, ordered by id, each without its action items. */
  List<Postmortem> postmortems();

  /** The facts of every item, each distinct one with the number of items that share it. */
  Map<ItemFacts, Long> itemFacts();

  /**
   * The items that {@code selection} matches, each once (more may come; the report checks each
   * again), with their postmortems' ids. The open items of the selection's recurred postmortems
   * come in the order {@link ActionStore#findItems} gives; the rest in any order.
   */
  List<ItemRow> items(ReportSelection selection);

  /**
   * The same items as {@link #items}, each carrying at least what the text, Markdown, CSV and HTML
   * reports print of it: id, title, owner, due date, priority, status, its verification's state,
   * due date and criterion, and its first ticket with a key (tracker, key, URL). Other fields may
   * be empty; a store that keeps these apart answers without reading whole items.
   */
  default List<ItemRow> printedItems(ReportSelection selection) {
    return items(selection);
  }

  /**
   * How many items carry quality findings, per postmortem and owner: each (postmortem, owner) pair
   * once, counted as {@link QualityCount#of} counts. In any order.
   */
  List<QualityCount> qualityCounts();

  /** The report data of postmortems already loaded. */
  static ReportData of(List<Postmortem> postmortems) {
    List<Postmortem> heads = postmortems.stream().map(p -> p.withActionItems(List.of())).toList();
    Map<ItemFacts, Long> facts = new HashMap<>();
    for (Postmortem p : postmortems) {
      for (ActionItem item : p.actionItems()) {
        facts.merge(ItemFacts.of(item, p.incident().referenceDate()), 1L, Long::sum);
      }
    }
    return of(heads, () -> Map.copyOf(facts), selection -> postmortems.stream().flatMap(p -> p.actionItems().stream()
        .filter(item -> selection.matches(p.id(), item)).map(item -> new ItemRow(p.id(), item))).toList(),
        () -> postmortems.stream().flatMap(p -> QualityCount.of(p).stream()).toList());
  }

  /**
   * Report data from its parts; {@code itemFacts} and {@code qualityCounts} are asked only when
   * the report needs them.
   */
  static ReportData of(List<Postmortem> postmortems, Supplier<Map<ItemFacts, Long>> itemFacts,
      Function<ReportSelection, List<ItemRow>> items, Supplier<List<QualityCount>> qualityCounts) {
    return new ReportData() {
      @Override
      public List<Postmortem> postmortems() {
        return postmortems;
      }

      @Override
      public Map<ItemFacts, Long> itemFacts() {
        return itemFacts.get();
      }

      @Override
      public List<ItemRow> items(ReportSelection selection) {
        return items.apply(selection);
      }

      @Override
      public List<QualityCount> qualityCounts() {
        return qualityCounts.get();
      }
    };
  }
}
