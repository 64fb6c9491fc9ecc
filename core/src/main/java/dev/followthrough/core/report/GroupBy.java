package dev.followthrough.core.report;

import dev.followthrough.core.report.OverdueReport.Entry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** How a report groups its overdue items. */
public enum GroupBy {
  OWNER(e -> e.item().owner() == null ? "(no owner)" : e.item().owner()),
  POSTMORTEM(e -> e.postmortem().id()),
  PRIORITY(e -> e.item().priority() == null ? "(no priority)" : e.item().priority().name());

  private final Function<Entry, String> key;

  GroupBy(Function<Entry, String> key) {
    this.key = key;
  }

  public String keyOf(Entry entry) {
    return key.apply(entry);
  }

  /** Entries by group key, keys in order, entries in their given order. */
  public Map<String, List<Entry>> group(List<Entry> entries) {
    Map<String, List<Entry>> groups = new TreeMap<>();
    for (Entry e : entries) {
      groups.computeIfAbsent(keyOf(e), k -> new java.util.ArrayList<>()).add(e);
    }
    return groups;
  }
}
