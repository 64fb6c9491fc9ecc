package dev.followthrough.server.dashboard;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.model.Verification;
import java.util.List;
import java.util.Locale;

/** One action item: what it is, where it stands, its tickets and its whole history, newest first. */
final class ItemPage {
  private ItemPage() {}

  static String render(DashboardView view, Postmortem p, ActionItem item) {
    FollowThrough f = new FollowThrough(p, view.query.asOf());
    Html out = new Html();
    out.raw("<p class=\"meta\">").link(view.postmortemHref(p.id()), p.title()).raw(" / ").text(item.id()).raw("</p>\n")
        .raw("<h1 id=\"item-title\">").text(item.title()).raw("</h1>\n<dl class=\"fields\" id=\"fields\">\n");
    field(out, "Status", item.status() + (item.missingFromSource() ? " (no longer in its document)" : ""));
    field(out, "Follow-through", f.describe(item));
    field(out, "Owner", item.owner() == null ? "nobody" : item.owner());
    field(out, "Team", view.teams.of(p.id(), item));
    field(out, "Priority", item.priority());
    field(out, "Due", item.dueDate());
    field(out, "Type", item.type());
    field(out, "Description", item.description());
    field(out, "Verify by", item.verificationCriterion());
    field(out, "Document line", item.line());
    out.raw("</dl>\n<h2>Quality findings</h2>\n");
    QualityPanel.findings(out, "findings", item.quality());
    out.raw("<h2>Ticket</h2>\n");
    if (item.tickets().isEmpty()) {
      out.raw("<p class=\"none\" id=\"tickets\">No ticket yet: the next sync creates one.</p>\n");
    } else {
      out.raw("<table id=\"tickets\">\n<thead><tr><th>Tracker</th><th>Ticket</th><th>State</th><th>Last synced</th>")
          .raw("</tr></thead>\n<tbody>\n");
      for (TicketLink t : item.tickets()) {
        out.raw("<tr>").el("td", t.tracker()).raw("<td>");
        ticket(out, t);
        out.raw("</td>").el("td", t.state().name().toLowerCase(Locale.ROOT)).el("td", t.syncedAt()).raw("</tr>\n");
      }
      out.raw("</tbody>\n</table>\n");
    }
    verification(out, item.verification());
    out.raw("<h2>History</h2>\n");
    history(out, item.history());
    return view.page("Followthrough: " + item.title(), out.toString());
  }

  /** The item's tickets as links where their URL is a web address. */
  static void tickets(Html out, ActionItem item, boolean withTracker) {
    boolean first = true;
    for (TicketLink t : item.tickets()) {
      out.raw(first ? "" : ", ");
      first = false;
      if (withTracker) {
        out.text(t.tracker()).raw(" ");
      }
      ticket(out, t);
    }
  }

  private static void ticket(Html out, TicketLink t) {
    switch (t.state()) {
      case PENDING -> out.text("(creating)");
      case DELETED -> out.text(t.key() + " (deleted)");
      case LINKED -> out.externalLink(t.url(), t.key());
    }
  }

  private static void field(Html out, String name, Object value) {
    if (value != null) {
      out.el("dt", name).el("dd", value).raw("\n");
    }
  }

  private static void verification(Html out, Verification v) {
    out.raw("<h2>Verification</h2>\n");
    if (v == null) {
      out.raw("<p class=\"none\" id=\"verification\">Starts when the item is done.</p>\n");
      return;
    }
    out.raw("<dl class=\"fields\" id=\"verification\">\n");
    field(out, "State", v.state().name().toLowerCase(Locale.ROOT));
    field(out, "Due", v.dueDate());
    field(out, "Criterion", v.criterion());
    if (v.evidence() != null) {
      out.el("dt", "Evidence").raw("<dd>").externalLink(v.evidence(), v.evidence()).raw("</dd>\n");
    }
    field(out, "Recorded", v.verifiedAt());
    field(out, "By", v.verifiedBy());
    out.raw("</dl>\n");
  }

  private static void history(Html out, List<HistoryEntry> history) {
    if (history.isEmpty()) {
      out.raw("<p class=\"none\" id=\"history\">Nothing recorded yet.</p>\n");
      return;
    }
    out.raw("<table id=\"history\">\n<thead><tr><th>When</th><th>From</th><th>Field</th><th>Was</th><th>Became</th>")
        .raw("<th>By</th></tr></thead>\n<tbody>\n");
    for (int i = history.size() - 1; i >= 0; i--) {
      HistoryEntry h = history.get(i);
      out.raw("<tr>").el("td", h.at()).el("td", h.origin().name().toLowerCase(Locale.ROOT)).el("td", h.field())
          .el("td", h.from()).el("td", h.to()).el("td", h.actor()).raw("</tr>\n");
    }
    out.raw("</tbody>\n</table>\n");
  }
}
