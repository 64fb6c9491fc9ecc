package dev.followthrough.server.dashboard;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.model.Verification;
import dev.followthrough.server.dashboard.FollowThrough.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The list of postmortems with their follow-through, and one postmortem's follow-through item by item. */
final class PostmortemPages {
  private PostmortemPages() {}

  static String index(DashboardView view) {
    Html out = new Html();
    out.raw("<h1>Postmortems: follow-through as of ").text(view.query.asOf()).raw("</h1>\n");
    BarChart chart = new BarChart("chart-follow-through", "Action items by postmortem");
    // Newest incidents first: what a person checks on.
    List<Postmortem> newestFirst = new ArrayList<>(view.postmortems);
    newestFirst.sort(java.util.Comparator.comparing((Postmortem p) -> p.incident().referenceDate(),
        java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())).thenComparing(Postmortem::id));
    newestFirst.stream().limit(15).forEach(p -> chart.bar(p.title(), segments(new FollowThrough(p, view.query.asOf()))));
    out.raw("<div class=\"charts\">").raw(chart.render()).raw(legend()).raw("</div>\n");
    if (newestFirst.isEmpty()) {
      out.raw("<p class=\"none\" id=\"postmortems\">No postmortems in the store yet: run "
          + "<code>followthrough import PATH</code>.</p>\n");
      return view.page("Followthrough: postmortems", out.toString());
    }
    out.raw("<table class=\"sortable\" id=\"postmortems\">\n<thead><tr><th>Incident</th><th>Postmortem</th>")
        .raw("<th>Items</th><th>Done on time</th><th>Done late</th><th>Done, undated</th><th>Open</th>")
        .raw("<th>Overdue</th><th>Won't do</th><th>Verified effective</th><th>Verified ineffective</th></tr></thead>\n<tbody>\n");
    for (Postmortem p : newestFirst) {
      FollowThrough f = new FollowThrough(p, view.query.asOf());
      out.raw("<tr>").el("td", p.incident().referenceDate()).raw("<td>").link(view.postmortemHref(p.id()), p.title())
          .raw("</td>").el("td", "num", f.total());
      for (Outcome o : Outcome.values()) {
        out.el("td", "num", f.count(o));
      }
      out.el("td", "num", f.verified(Verification.State.EFFECTIVE))
          .el("td", "num", f.verified(Verification.State.INEFFECTIVE)).raw("</tr>\n");
    }
    out.raw("</tbody>\n</table>\n");
    return view.page("Followthrough: postmortems", out.toString());
  }

  static String one(DashboardView view, Postmortem p) {
    FollowThrough f = new FollowThrough(p, view.query.asOf());
    Html out = new Html();
    out.raw("<h1>").text(p.title()).raw("</h1>\n<p class=\"meta\">").text(p.id());
    if (p.incident().referenceDate() != null) {
      out.raw(" · incident ").text(p.incident().referenceDate());
    }
    if (p.severity() != null) {
      out.raw(" · ").text(p.severity());
    }
    if (p.source() != null && p.source().path() != null) {
      out.raw(" · ").text(p.source().path());
    }
    out.raw("</p>\n<section class=\"cards\" id=\"follow-through\">\n");
    for (Outcome o : Outcome.values()) {
      out.raw("<div class=\"card ").text(o.cssClass).raw("\" id=\"count-").text(o.cssClass).raw("\"><span class=\"value\">")
          .text(f.count(o)).raw("</span><span class=\"what\">").text(o.label).raw("</span></div>\n");
    }
    out.raw("<div class=\"card\" id=\"count-verified\"><span class=\"value\">")
        .text(f.verified(Verification.State.EFFECTIVE) + f.verified(Verification.State.INEFFECTIVE))
        .raw("</span><span class=\"what\">verified (").text(f.verified(Verification.State.EFFECTIVE))
        .raw(" effective)</span></div>\n</section>\n");
    out.raw("<div class=\"charts\">").raw(new BarChart("chart-postmortem", "Its action items")
        .bar(p.title(), segments(f)).render()).raw(legend()).raw("</div>\n");
    out.raw("<h2>Action items</h2>\n");
    if (p.actionItems().isEmpty()) {
      out.raw("<p class=\"none\" id=\"items\">No action items.</p>\n");
    } else {
      out.raw("<table class=\"sortable\" id=\"items\">\n<thead><tr><th>Action item</th><th>Owner</th><th>Team</th>")
          .raw("<th>Priority</th><th>Due</th><th>Status</th><th>Follow-through</th><th>Verification</th>")
          .raw("<th>Ticket</th></tr></thead>\n<tbody>\n");
      for (ActionItem item : p.actionItems()) {
        out.raw("<tr class=\"").text(f.outcome(item).cssClass).raw("\"><td>").link(view.itemHref(p.id(), item), item.title())
            .raw("</td>").el("td", item.owner()).el("td", view.teams.of(p.id(), item)).el("td", item.priority())
            .el("td", item.dueDate()).el("td", item.status()).el("td", f.describe(item))
            .el("td", verification(item.verification())).raw("<td>");
        ItemPage.tickets(out, item, false);
        out.raw("</td></tr>\n");
      }
      out.raw("</tbody>\n</table>\n");
    }
    QualityPanel.postmortem(out, p);
    recurrences(out, view, p);
    return view.page("Followthrough: " + p.title(), out.toString());
  }

  static String verification(Verification v) {
    if (v == null) {
      return "";
    }
    return switch (v.state()) {
      case PENDING -> "pending, due " + v.dueDate();
      case EFFECTIVE -> "effective";
      case INEFFECTIVE -> "ineffective";
    };
  }

  private static void recurrences(Html out, DashboardView view, Postmortem p) {
    List<String[]> rows = new ArrayList<>();
    for (Recurrence r : p.recurrenceOf()) {
      rows.add(new String[] {"repeats", r.postmortemId(), String.valueOf(r.score()), r.status().name(),
          String.join(", ", r.sharedTerms())});
    }
    for (Postmortem later : view.postmortems) {
      for (Recurrence r : later.recurrenceOf()) {
        if (r.postmortemId().equals(p.id())) {
          rows.add(new String[] {"happened again in", later.id(), String.valueOf(r.score()), r.status().name(),
              String.join(", ", r.sharedTerms())});
        }
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    out.raw("<h2>Recurrences</h2>\n<ul id=\"recurrences\">\n");
    for (String[] row : rows) {
      out.raw("<li>").text(row[0]).raw(" ");
      OverviewPage.postmortemLink(out, view, row[1]);
      out.raw(" (").text(row[3].toLowerCase(Locale.ROOT)).raw(", score ").text(row[2])
          .text(row[4].isEmpty() ? "" : ", " + row[4]).raw(")</li>\n");
    }
    out.raw("</ul>\n");
  }

  private static List<BarChart.Segment> segments(FollowThrough f) {
    List<BarChart.Segment> segments = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      segments.add(new BarChart.Segment(o.cssClass, o.label, f.count(o)));
    }
    return segments;
  }

  private static String legend() {
    Html out = new Html();
    out.raw("<ul class=\"legend\">");
    for (Outcome o : Outcome.values()) {
      out.raw("<li><span class=\"swatch ").text(o.cssClass).raw("\"></span>").text(o.label).raw("</li>");
    }
    return out.raw("</ul>").toString();
  }
}
