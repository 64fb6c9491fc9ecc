package dev.followthrough.server.dashboard;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.report.ReportBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read of the store for one page: the postmortems with their items, the report computed from
 * that same read (so a page never mixes two states of the store), and the store version it was
 * read at, which the page carries for its live update.
 */
final class DashboardView {
  final DashboardQuery query;
  final long version;
  final List<Postmortem> postmortems;
  final Map<String, Postmortem> byId = new LinkedHashMap<>();
  final OverdueReport report;
  final Teams teams;

  DashboardView(DashboardQuery query, long version, List<Postmortem> postmortems, LintSettings lint) {
    this.query = query;
    this.version = version;
    this.postmortems = List.copyOf(postmortems);
    postmortems.forEach(p -> byId.put(p.id(), p));
    this.report = new ReportBuilder(query.asOf(), query.dueSoonDays()).withLint(lint).build(this.postmortems);
    this.teams = new Teams(lint, this.postmortems);
  }

  String team(OverdueReport.Entry e) {
    return teams.of(e.postmortem().id(), e.item());
  }

  /** The link to a postmortem's page, keeping the request's day. */
  String postmortemHref(String postmortemId) {
    return "/postmortems/" + Html.segment(postmortemId) + query.suffix();
  }

  /** The link to an item's page, keeping the request's day. */
  String itemHref(String postmortemId, ActionItem item) {
    return "/postmortems/" + Html.segment(postmortemId) + "/items/" + Html.segment(item.id()) + query.suffix();
  }

  String page(String title, String main) {
    return Html.page(title, version, query.suffix(), main);
  }
}
