package dev.followthrough.core.report;

import dev.followthrough.core.report.OverdueReport.Entry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML page: no external assets, inline SVG charts of overdue items by owner
 * and by age, and a table that sorts when a column header is clicked.
 */
final class HtmlReport {
  private static final int BAR_HEIGHT = 22;
  private final OverdueReport report;
  private final GroupBy groupBy;

  HtmlReport(OverdueReport report, GroupBy groupBy) {
    this.report = report;
    this.groupBy = groupBy;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Overdue action items as of ").append(report.asOf()).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f23}")
        .append("table{border-collapse:collapse;width:100%;margin-top:1rem}")
        .append("th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}")
        .append("th{cursor:pointer;background:#f6f8fa}td.num{text-align:right}")
        .append(".charts{display:flex;gap:3rem;flex-wrap:wrap}.bar{fill:#cf222e}.label{font-size:12px}")
        .append("\n</style>\n</head>\n<body>\n");
    out.append("<h1>Overdue action items as of ").append(report.asOf()).append("</h1>\n");
    out.append("<p id=\"headline\">").append(esc(ReportFormat.headline(report))).append("; ")
        .append(esc(ReportFormat.completion(report.summary()))).append(".</p>\n");
    out.append("<div class=\"charts\">\n");
    chart(out, "Overdue by owner", "chart-owner", GroupBy.OWNER.group(report.overdue()));
    chart(out, "Overdue by age", "chart-age", byAge());
    out.append("</div>\n");
    out.append("<h2>Overdue, by ").append(groupBy.name().toLowerCase()).append("</h2>\n");
    table(out, "overdue", groupBy.group(report.overdue()).values().stream().flatMap(List::stream).toList());
    if (!report.dueSoon().isEmpty()) {
      out.append("<h2>Due within ").append(report.dueSoonDays()).append(" days</h2>\n");
      table(out, "due-soon", report.dueSoon());
    }
    if (!report.unowned().isEmpty()) {
      out.append("<h2>Without an owner</h2>\n");
      table(out, "unowned", report.unowned());
    }
    if (!report.verificationDue().isEmpty()) {
      out.append("<h2>Verification overdue: done, but not yet shown to work</h2>\n");
      table(out, "verification-due", report.verificationDue());
    }
    if (!report.recurrences().isEmpty()) {
      out.append("<h2>Incidents that happened again</h2>\n<ul id=\"recurrences\">\n");
      report.recurrences().forEach(r -> out.append("<li>").append(esc(ReportFormat.recurrence(r))).append("</li>\n"));
      out.append("</ul>\n");
    }
    if (!report.openItemsOfRecurredIncidents().isEmpty()) {
      out.append("<h2>Still open from incidents that happened again</h2>\n");
      table(out, "recurred-open", report.openItemsOfRecurredIncidents());
    }
    quality(out);
    MonthlyCharts.render(out, report.byMonth());
    // Click a header to sort (shares such as 12.5% as numbers); a link ending in
    // #sort=<column>-<asc|desc> opens the page sorted.
    out.append("<script>\n")
        .append("function sortTable(table,col,asc){const body=table.tBodies[0];const rows=[...body.rows];")
        .append("const val=r=>{const t=r.cells[col].textContent.trim();const n=Number(t.replace(/%$/,''));")
        .append("return t!==''&&!isNaN(n)?n:t;};")
        .append("rows.sort((a,b)=>{const x=val(a),y=val(b);return (x>y?1:x<y?-1:0)*(asc?1:-1);});")
        .append("rows.forEach(r=>body.appendChild(r));table.tHead.rows[0].cells[col].dataset.dir=asc?'asc':'desc';}\n")
        .append("document.querySelectorAll('table.sortable').forEach(table=>table.tHead.rows[0].querySelectorAll('th')")
        .append(".forEach((th,col)=>th.addEventListener('click',()=>sortTable(table,col,th.dataset.dir!=='asc'))));\n")
        .append("const m=location.hash.match(/^#sort=(\\d+)-(asc|desc)$/);")
        .append("if(m){document.querySelectorAll('table.sortable').forEach(t=>sortTable(t,Number(m[1]),m[2]==='asc'));}\n")
        .append("document.body.dataset.ready='true';\n</script>\n</body>\n</html>\n");
    return out.toString();
  }

  private void quality(StringBuilder out) {
    QualityFigures q = report.quality();
    if (!QualityRows.any(q)) {
      return;
    }
    String line = QualityRows.headline(q);
    out.append("<h2>Action item quality</h2>\n<p id=\"quality\">")
        .append(esc(Character.toUpperCase(line.charAt(0)) + line.substring(1))).append(".</p>\n");
    qualityTable(out, "quality-by-postmortem", QualityRows.header("Postmortem", true), QualityRows.byPostmortem(q));
    if (!q.byTeam().isEmpty()) {
      qualityTable(out, "quality-by-team", QualityRows.header("Team", false), QualityRows.byTeam(q));
    }
  }

  private static void qualityTable(StringBuilder out, String id, List<String> header, List<List<String>> rows) {
    out.append("<table class=\"sortable\" id=\"").append(id).append("\">\n<thead><tr>");
    header.forEach(h -> out.append("<th>").append(esc(h)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      out.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        out.append(i == 0 || i == 7 ? "<td>" : "<td class=\"num\">").append(esc(row.get(i))).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private Map<String, List<Entry>> byAge() {
    Map<String, List<Entry>> buckets = new LinkedHashMap<>();
    for (String b : List.of("1-7 days", "8-30 days", "31-90 days", "over 90 days")) {
      buckets.put(b, new java.util.ArrayList<>());
    }
    for (Entry e : report.overdue()) {
      long d = e.daysOverdue();
      String b = d <= 7 ? "1-7 days" : d <= 30 ? "8-30 days" : d <= 90 ? "31-90 days" : "over 90 days";
      buckets.get(b).add(e);
    }
    return buckets;
  }

  private static void chart(StringBuilder out, String title, String id, Map<String, List<Entry>> groups) {
    int max = groups.values().stream().mapToInt(List::size).max().orElse(0);
    int height = Math.max(1, groups.size()) * BAR_HEIGHT + 10;
    out.append("<figure><figcaption>").append(esc(title)).append("</figcaption>\n")
        .append("<svg id=\"").append(id).append("\" role=\"img\" aria-label=\"").append(esc(title))
        .append("\" width=\"420\" height=\"").append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
    int y = 5;
    for (Map.Entry<String, List<Entry>> g : groups.entrySet()) {
      int width = max == 0 ? 0 : (int) Math.round(220.0 * g.getValue().size() / max);
      out.append("<text class=\"label\" x=\"0\" y=\"").append(y + 15).append("\">").append(esc(shorten(g.getKey())))
          .append("</text>")
          .append("<rect class=\"bar\" x=\"150\" y=\"").append(y + 3).append("\" width=\"").append(width)
          .append("\" height=\"").append(BAR_HEIGHT - 6).append("\"><title>").append(esc(g.getKey())).append(": ")
          .append(g.getValue().size()).append("</title></rect>")
          .append("<text class=\"label\" x=\"").append(155 + width).append("\" y=\"").append(y + 15).append("\">")
          .append(g.getValue().size()).append("</text>\n");
      y += BAR_HEIGHT;
    }
    out.append("</svg></figure>\n");
  }

  private void table(StringBuilder out, String id, List<Entry> entries) {
    out.append("<table class=\"sortable\" id=\"").append(id).append("\">\n<thead><tr>")
        .append("<th>Days overdue</th><th>Priority</th><th>Due</th><th>Owner</th><th>Postmortem</th>")
        .append("<th>Action item</th><th>Ticket</th></tr></thead>\n<tbody>\n");
    for (Entry e : entries) {
      String ticket = e.ticketUrl();
      out.append("<tr><td class=\"num\">").append(e.daysOverdue() == null ? "" : e.daysOverdue()).append("</td>")
          .append("<td>").append(e.item().priority() == null ? "" : e.item().priority()).append("</td>")
          .append("<td>").append(e.item().dueDate() == null ? "" : e.item().dueDate()).append("</td>")
          .append("<td>").append(e.item().owner() == null ? "" : esc(e.item().owner())).append("</td>")
          .append("<td>").append(esc(e.postmortem().title())).append("</td>")
          .append("<td>").append(esc(e.item().title())).append("</td><td>")
          .append(ticket == null ? "" : ticket.startsWith("https://") || ticket.startsWith("http://")
              ? "<a href=\"" + esc(ticket) + "\">" + esc(e.ticketKey()) + "</a>" : esc(ticket))
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private static String shorten(String s) {
    return s.length() > 22 ? s.substring(0, 21) + "…" : s;
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
