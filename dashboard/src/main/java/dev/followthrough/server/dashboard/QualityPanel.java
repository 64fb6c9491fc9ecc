package dev.followthrough.server.dashboard;

import dev.followthrough.core.model.Finding;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.report.QualityFigures;
import dev.followthrough.core.report.QualityFigures.Share;
import java.util.List;
import java.util.Locale;

/**
 * Action item quality on the dashboard: the report's {@link QualityFigures} (the same counts as the
 * {@code quality} object of {@code report --format json}) per postmortem and per team, and one
 * item's or postmortem's stored findings. Shares are over the checked items, as in the report.
 */
final class QualityPanel {
  private QualityPanel() {}

  /** The overview's section: the overall share, then a table per postmortem and per team. */
  static void overview(Html out, DashboardView view) {
    QualityFigures q = view.report.quality();
    Share all = q.overall();
    out.raw("<h2>Action item quality</h2>\n<p id=\"quality-overall\">").text(all.withFindings()).raw(" of ")
        .text(all.checked()).raw(" checked items have findings (").text(percent(all.findingRate()))
        .raw("), ").text(all.withErrors()).raw(" an error (").text(percent(all.errorRate())).raw(")");
    if (all.items() > all.checked()) {
      out.raw("; ").text(all.items() - all.checked()).raw(" never checked (import their documents again)");
    }
    out.raw(".</p>\n<h3>Quality by postmortem</h3>\n");
    if (q.byPostmortem().isEmpty()) {
      out.raw("<p class=\"none\" id=\"quality-by-postmortem\">None.</p>\n");
    } else {
      header(out, "quality-by-postmortem", "Postmortem", "On the whole");
      for (QualityFigures.ByPostmortem p : q.byPostmortem()) {
        out.raw("<tr data-key=\"").text(p.postmortemId()).raw("\"><td>");
        OverviewPage.postmortemLink(out, view, p.postmortemId());
        out.raw("</td>");
        cells(out, p.share());
        out.el("td", p.findings() == null ? "never checked" : String.join(", ", p.findings())).raw("</tr>\n");
      }
      out.raw("</tbody>\n</table>\n");
    }
    out.raw("<h3>Quality by team</h3>\n");
    if (q.byTeam().isEmpty()) {
      out.raw("<p class=\"none\" id=\"quality-by-team\">None.</p>\n");
      return;
    }
    header(out, "quality-by-team", "Team", null);
    for (QualityFigures.ByTeam t : q.byTeam()) {
      String team = t.team() == null ? Teams.NO_OWNER : t.team();
      out.raw("<tr data-key=\"").text(team).raw("\">").el("td", team);
      cells(out, t.share());
      out.raw("</tr>\n");
    }
    out.raw("</tbody>\n</table>\n");
  }

  /** A share as {@code report}'s text, Markdown and HTML print it: one decimal. */
  static String percent(Double rate) {
    return rate == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  private static void header(Html out, String id, String first, String last) {
    out.raw("<table class=\"sortable\" id=\"").text(id).raw("\">\n<thead><tr>").el("th", first)
        .raw("<th>Items</th><th>Checked</th><th>With findings</th><th>Share</th><th>With errors</th>")
        .raw("<th>Error share</th>");
    if (last != null) {
      out.el("th", last);
    }
    out.raw("</tr></thead>\n<tbody>\n");
  }

  private static void cells(Html out, Share s) {
    out.el("td", "num", s.items()).el("td", "num", s.checked()).el("td", "num", s.withFindings())
        .el("td", "num", percent(s.findingRate())).el("td", "num", s.withErrors())
        .el("td", "num", percent(s.errorRate()));
  }

  /** A postmortem page's findings on its set of items as a whole. */
  static void postmortem(Html out, Postmortem p) {
    out.raw("<h2>Quality of its action items as a set</h2>\n");
    findings(out, "postmortem-findings", p.quality());
  }

  /** An item page's findings: rule, level, why and how to fix, each escaped. */
  static void findings(Html out, String id, List<Finding> findings) {
    if (findings == null) {
      out.raw("<p class=\"none\" id=\"").text(id).raw("\">Never checked: import its document again.</p>\n");
      return;
    }
    if (findings.isEmpty()) {
      out.raw("<p class=\"none\" id=\"").text(id).raw("\">No findings.</p>\n");
      return;
    }
    out.raw("<table id=\"").text(id).raw("\">\n<thead><tr><th>Rule</th><th>Level</th><th>Why</th><th>How to fix</th>")
        .raw("</tr></thead>\n<tbody>\n");
    for (Finding f : findings) {
      out.raw("<tr class=\"").text(f.isError() ? "error" : "warning").raw("\">").el("td", f.rule())
          .el("td", f.level().name().toLowerCase(Locale.ROOT)).el("td", f.why()).el("td", f.fix()).raw("</tr>\n");
    }
    out.raw("</tbody>\n</table>\n");
  }
}
