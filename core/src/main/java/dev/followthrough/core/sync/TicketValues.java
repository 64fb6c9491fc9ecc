package dev.followthrough.core.sync;

import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import java.util.Objects;
import java.util.TreeSet;

/** Field values as text, the form in which they are compared and remembered between syncs. */
final class TicketValues {
  private TicketValues() {}

  static String ofDraft(TicketDraft d, TicketField field) {
    return switch (field) {
      case TITLE -> d.title();
      case DESCRIPTION -> d.description();
      case DUE_DATE -> str(d.dueDate());
      case PRIORITY -> str(d.priority());
      case LABELS -> labels(d.labels(), d.idempotencyKey());
      case STATE -> d.state().name();
      case ASSIGNEE -> d.owner();
      case SOURCE_LINK -> d.sourceUrl();
    };
  }

  static String ofTicket(TicketSnapshot t, TicketField field) {
    return switch (field) {
      case TITLE -> t.title();
      case DESCRIPTION -> t.description();
      case DUE_DATE -> str(t.dueDate());
      case PRIORITY -> str(t.priority());
      case LABELS -> labels(t.labels(), null);
      case STATE -> t.state().name();
      case ASSIGNEE -> t.assignee();
      // Not reported back by trackers: the last synced value stands for it.
      case SOURCE_LINK -> null;
    };
  }

  /** Labels as a sorted list; extra labels people add in the tracker are kept out of the comparison. */
  static String labels(java.util.List<String> labels, String key) {
    TreeSet<String> sorted = new TreeSet<>(labels);
    if (key != null) {
      sorted.add(key);
    }
    return String.join(",", sorted);
  }

  static boolean labelsCovered(String wanted, String actual) {
    if (wanted == null || wanted.isEmpty()) {
      return true;
    }
    java.util.Set<String> have = actual == null ? java.util.Set.of() : java.util.Set.of(actual.split(","));
    return have.containsAll(java.util.List.of(wanted.split(",")));
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  static boolean same(String a, String b) {
    return Objects.equals(a, b);
  }
}
