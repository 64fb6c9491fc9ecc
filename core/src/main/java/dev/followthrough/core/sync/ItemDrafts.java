package dev.followthrough.core.sync;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Measure;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TicketKeys;
import dev.followthrough.core.tracker.Capabilities;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketState;
import java.util.List;

/** Builds the ticket an item should have: title, a description with its context, labels. */
final class ItemDrafts {
  private ItemDrafts() {}

  static TicketDraft draft(Postmortem p, ActionItem item, List<String> labels, Capabilities capabilities) {
    TicketState state = TicketState.of(item.status());
    if (state == TicketState.IN_PROGRESS && !capabilities.inProgressState()) {
      state = TicketState.OPEN;
    }
    return new TicketDraft(p.idempotencyKey(item), item.title(), description(p, item), item.owner(), item.dueDate(),
        item.priority(), labels, sourceUrl(p), state, p.id(), p.title(), List.of(TicketKeys.legacy(p.id(), item.id())));
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
