package dev.followthrough.core.sync;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Measure;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TicketKeys;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;

/** Builds the ticket an item should have: title, a description with its context, labels. */
final class ItemDrafts {
  /** Enough to survive a sibling or two moved or deleted by hand; each may cost one read. */
  static final int MAX_SIBLINGS = 3;

  private ItemDrafts() {}

  static TicketDraft draft(Postmortem p, ActionItem item, List<String> labels, Tracker tracker) {
    TicketState state = TicketState.of(item.status());
    if (state == TicketState.IN_PROGRESS && !tracker.capabilities().inProgressState()) {
      state = TicketState.OPEN;
    }
    return new TicketDraft(p.idempotencyKey(item), item.title(), description(p, item), item.owner(), item.dueDate(),
        item.priority(), labels, sourceUrl(p), state, p.id(), p.title(), List.of(TicketKeys.legacy(p.id(), item.id())),
        siblingTickets(p, item, tracker.type()));
  }

  /**
   * The tickets this tool already made, in this tracker, for the postmortem's other items: a run in
   * a new process learns from them, by reads that do not lag, where the first run grouped them.
   */
  static List<String> siblingTickets(Postmortem p, ActionItem item, String trackerType) {
    List<String> keys = new ArrayList<>();
    for (ActionItem other : p.actionItems()) {
      TicketLink link = other.id().equals(item.id()) ? null : SyncRun.link(other, trackerType);
      if (link != null && !link.isPending() && !link.isDeleted() && keys.size() < MAX_SIBLINGS) {
        keys.add(link.key());
      }
    }
    return keys;
  }

  /** Plain text; adapters turn it into ADF, wiki markup or Markdown. Deterministic on purpose. */
  static String description(Postmortem p, ActionItem item) {
    StringBuilder d = new StringBuilder();
    if (item.description() != null) {
      d.append(item.description()).append("\n\n");
    }
    d.append("Action item from the postmortem \"").append(p.title()).append('"');
    // A local path says nothing to a reader of the ticket and changes when the file moves.
    String url = sourceUrl(p);
    if (url != null) {
      d.append(" (").append(url).append(')');
    }
    d.append('.');
    if (p.incident().date() != null) {
      d.append("\nIncident: ").append(p.incident().date());
      if (p.severity() != null) {
        d.append(", ").append(p.severity());
      }
      d.append('.');
    }
    if (p.incident().rootCause() != null) {
      d.append("\nRoot cause: ").append(firstParagraph(p.incident().rootCause()));
    }
    if (item.measureId() != null) {
      p.measures().stream().filter(m -> m.id().equals(item.measureId())).findFirst().map(Measure::title)
          .ifPresent(m -> d.append("\nServes the measure: ").append(m));
    }
    return d.toString();
  }

  /** The document's address when it is a web address; a local file path is not. */
  static String sourceUrl(Postmortem p) {
    if (p.source() == null || p.source().path() == null) {
      return null;
    }
    String path = p.source().path();
    return path.startsWith("https://") || path.startsWith("http://") ? path : null;
  }

  private static String firstParagraph(String text) {
    String first = text.split("\n\n", 2)[0];
    return first.length() > 500 ? first.substring(0, 499) + "…" : first;
  }
}
