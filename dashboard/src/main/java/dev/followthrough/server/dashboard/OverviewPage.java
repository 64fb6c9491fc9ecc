package dev.followthrough.server.dashboard;

import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.report.OverdueReport.Entry;
import dev.followthrough.core.report.OverdueReport.RecurrenceEntry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** The overview: overdue by owner and by team, due soon, unowned, verification due and recurrences. */
final class OverviewPage {
  private OverviewPage() {}

  static String render(DashboardView view) {
    OverdueReport r = view.report;
    Html out = new Html();
    out.raw("<h1>Follow-through as of ").text(r.asOf()).raw("</h1>\n<section class=\"cards\" id=\"figures\">\n");
    card(out, "overdue", "Overdue", r.overdue().size());
    card(out, "due-soon", "Due within " + r.dueSoonDays() + " days", r.dueSoon().size());
    card(out, "unowned", "Without an owner", r.unowned().size());
    card(out, "verification-due", "Verification overdue", r.verificationDue().size());
    card(out, "recurrences", "Incidents that repeat one", r.recurrences().size());
    card(out, "completion", "Completion", percent(r.summary().completionRate()));
    card(out, "on-time", "Done on time", percent(r.summary().onTimeRate()));
    card(out, "quality", "Checked items with findings", percent(r.quality().overall().findingRate()));
    out.raw("</section>\n");

    Map<String, List<Entry>> byOwner = group(r.overdue(), e -> e.item().owner() == null ? "(no owner)" : e.item().owner());
    Map<String, List<Entry>> byTeam = group(r.overdue(), view::team);
    out.raw("<div class=\"charts\">\n").raw(chart("chart-owner", "Overdue by owner", byOwner))
        .raw(chart("chart-team", "Overdue by team", byTeam)).raw("</div>\n");

    out.raw("<h2>Overdue by owner</h2>\n");
    groups(out, "overdue-by-owner", "Owner", "Team", byOwner, view::team);
    out.raw("<h2>Overdue by team</h2>\n");
    groups(out, "overdue-by-team", "Team", "Owners", byTeam, e -> e.item().owner() == null ? "(no owner)" : e.item().owner());
    out.raw("<h2>Overdue action items</h2>\n");
    EntryTable.write(out, view, "overdue", "Days overdue", r.overdue());
    out.raw("<h2>Due within ").text(r.dueSoonDays()).raw(" days</h2>\n");
    EntryTable.write(out, view, "due-soon", "Days overdue", r.dueSoon());
    out.raw("<h2>Without an owner</h2>\n");
    EntryTable.write(out, view, "unowned", "Days overdue", r.unowned());
    out.raw("<h2>Verification overdue: done, not yet shown to work</h2>\n");
    EntryTable.write(out, view, "verification-due", "Days past verification due", r.verificationDue());
    out.raw("<h2>Incidents that happened again</h2>\n");
    recurrences(out, view, r.recurrences());
    out.raw("<h2>Still open from incidents that happened again</h2>\n");
    EntryTable.write(out, view, "recurred-open", "Days overdue", r.openItemsOfRecurredIncidents());
    QualityPanel.overview(out, view);
    return view.page("Followthrough: follow-through as of " + r.asOf(), out.toString());
  }

  private static void card(Html out, String id, String label, Object value) {
    out.raw("<div class=\"card\" id=\"card-").text(id).raw("\"><span class=\"value\">").text(value)
        .raw("</span><span class=\"what\">").text(label).raw("</span></div>\n");
  }

  static String percent(Double rate) {
    return rate == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", rate * 100);
  }

  private static Map<String, List<Entry>> group(List<Entry> entries, Function<Entry, String> key) {
    Map<String, List<Entry>> groups = new TreeMap<>();
    entries.forEach(e -> groups.computeIfAbsent(key.apply(e), k -> new java.util.ArrayList<>()).add(e));
    return groups;
  }

  private static String chart(String id, String title, Map<String, List<Entry>> groups) {
    BarChart chart = new BarChart(id, title);
    groups.entrySet().stream()
        .sorted(Map.Entry.<String, List<Entry>>comparingByValue((a, b) -> b.size() - a.size())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(12).forEach(g -> chart.bar(g.getKey(), g.getValue().size(), "overdue", "overdue"));
    return chart.render();
  }

  /** One row per group: how many are overdue, the most days overdue, and who or what else it spans. */
  private static void groups(Html out, String id, String heading, String otherHeading, Map<String, List<Entry>> groups,
      Function<Entry, String> other) {
    if (groups.isEmpty()) {
      out.raw("<p class=\"none\" id=\"").text(id).raw("\">None.</p>\n");
      return;
    }
    out.raw("<table class=\"sortable\" id=\"").text(id).raw("\">\n<thead><tr><th>").text(heading)
        .raw("</th><th>Overdue</th><th>Most days overdue</th><th>").text(otherHeading).raw("</th></tr></thead>\n<tbody>\n");
    groups.forEach((name, entries) -> {
      long most = entries.stream().mapToLong(Entry::daysOverdue).max().orElse(0);
      TreeSet<String> others = new TreeSet<>();
      entries.forEach(e -> others.add(other.apply(e)));
      out.raw("<tr>").el("td", name).el("td", "num", entries.size()).el("td", "num", most)
          .el("td", String.join(", ", others)).raw("</tr>\n");
    });
    out.raw("</tbody>\n</table>\n");
  }

  private static void recurrences(Html out, DashboardView view, List<RecurrenceEntry> recurrences) {
    if (recurrences.isEmpty()) {
      out.raw("<p class=\"none\" id=\"recurrences\">None.</p>\n");
      return;
    }
    out.raw("<table class=\"sortable\" id=\"recurrences\">\n<thead><tr><th>Incident</th><th>Repeats</th><th>Score</th>")
        .raw("<th>Status</th><th>Shared failure terms</th><th>Earlier items open</th><th>done</th>")
        .raw("<th>verified effective</th></tr></thead>\n<tbody>\n");
    for (RecurrenceEntry r : recurrences) {
      var rec = r.recurrence();
      out.raw("<tr><td>");
      postmortemLink(out, view, r.postmortemId());
      out.raw("</td><td>");
      postmortemLink(out, view, rec.postmortemId());
      out.raw("</td>").el("td", "num", rec.score()).el("td", rec.status().name().toLowerCase(Locale.ROOT))
          .el("td", String.join(", ", rec.sharedTerms())).el("td", "num", rec.earlierItems().open())
          .el("td", "num", rec.earlierItems().done()).el("td", "num", rec.earlierItems().verifiedEffective())
          .raw("</tr>\n");
    }
    out.raw("</tbody>\n</table>\n");
  }

  static void postmortemLink(Html out, DashboardView view, String id) {
    var p = view.byId.get(id);
    out.link(view.postmortemHref(id), p == null ? id : p.title());
  }
}
