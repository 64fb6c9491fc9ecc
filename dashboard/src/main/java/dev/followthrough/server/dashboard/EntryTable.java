package dev.followthrough.server.dashboard;

import dev.followthrough.core.report.OverdueReport.Entry;
import java.util.List;

/** The table of report entries that every overview section shows; headers sort it (in the page script). */
final class EntryTable {
  private EntryTable() {}

  /**
   * @param daysHeading what the number column means ({@code Days overdue}, {@code Days past verification due})
   */
  static void write(Html out, DashboardView view, String id, String daysHeading, List<Entry> entries) {
    if (entries.isEmpty()) {
      out.raw("<p class=\"none\" id=\"").text(id).raw("\">None.</p>\n");
      return;
    }
    out.raw("<table class=\"sortable\" id=\"").text(id).raw("\">\n<thead><tr><th>").text(daysHeading)
        .raw("</th><th>Priority</th><th>Due</th><th>Owner</th><th>Team</th><th>Postmortem</th>")
        .raw("<th>Action item</th><th>Ticket</th></tr></thead>\n<tbody>\n");
    for (Entry e : entries) {
      out.raw("<tr><td class=\"num\">").text(e.daysOverdue()).raw("</td>")
          .el("td", e.item().priority()).el("td", e.item().dueDate())
          .el("td", e.item().owner() == null ? "" : e.item().owner()).el("td", view.team(e)).raw("<td>")
          .link(view.postmortemHref(e.postmortem().id()), e.postmortem().title()).raw("</td><td>")
          .link(view.itemHref(e.postmortem().id(), e.item()), e.item().title()).raw("</td><td>");
      ticket(out, e);
      out.raw("</td></tr>\n");
    }
    out.raw("</tbody>\n</table>\n");
  }

  static void ticket(Html out, Entry e) {
    if (e.ticketKey() != null) {
      out.externalLink(e.ticket().map(t -> t.url()).orElse(null), e.ticketKey());
    }
  }
}
