package dev.followthrough.core.report;

import dev.followthrough.core.report.OverdueReport.Entry;
import java.util.List;
import java.util.Map;

/** Markdown to paste into Slack, Confluence or an issue comment. */
final class MarkdownReport {
  private final OverdueReport report;
  private final GroupBy groupBy;

  MarkdownReport(OverdueReport report, GroupBy groupBy) {
    this.report = report;
    this.groupBy = groupBy;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("# Overdue action items as of ").append(report.asOf()).append("\n\n");
    out.append("**").append(ReportFormat.headline(report)).append("**; ")
        .append(ReportFormat.completion(report.summary())).append(".\n");
    for (Map.Entry<String, List<Entry>> group : groupBy.group(report.overdue()).entrySet()) {
      out.append("\n## ").append(escape(group.getKey())).append(" (").append(group.getValue().size())
          .append(" overdue)\n\n");
      table(out, group.getValue(), "Days overdue");
    }
    if (!report.dueSoon().isEmpty()) {
      out.append("\n## Due within ").append(report.dueSoonDays()).append(" days\n\n");
      table(out, report.dueSoon(), "Days overdue");
    }
    if (!report.unowned().isEmpty()) {
      out.append("\n## Without an owner\n\n");
      table(out, report.unowned(), "Days overdue");
    }
    if (!report.verificationDue().isEmpty()) {
      out.append("\n## Verification overdue\n\n");
      table(out, report.verificationDue(), "Days since due");
    }
    if (!report.recurrences().isEmpty()) {
      out.append("\n## Incidents that happened again\n\n");
      report.recurrences().forEach(r -> out.append("- ").append(escape(ReportFormat.recurrence(r))).append('\n'));
    }
    if (!report.openItemsOfRecurredIncidents().isEmpty()) {
      out.append("\n## Still open from incidents that happened again\n\n");
      table(out, report.openItemsOfRecurredIncidents(), "Days overdue");
    }
    QualityFigures q = report.quality();
    if (QualityRows.any(q)) {
      out.append("\n## Action item quality\n\n").append(escape(capitalize(QualityRows.headline(q)))).append(".\n\n");
      qualityTable(out, QualityRows.header("Postmortem", true), QualityRows.byPostmortem(q));
      if (!q.byTeam().isEmpty()) {
        out.append('\n');
        qualityTable(out, QualityRows.header("Team", false), QualityRows.byTeam(q));
      }
    }
    return out.toString();
  }

  private static void qualityTable(StringBuilder out, List<String> header, List<List<String>> rows) {
    out.append("| ").append(String.join(" | ", header)).append(" |\n|---|");
    out.append("---:|".repeat(6)).append(header.size() > 7 ? "---|" : "").append('\n');
    rows.forEach(r -> out.append("| ").append(String.join(" | ", r.stream().map(MarkdownReport::escape).toList()))
        .append(" |\n"));
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static void table(StringBuilder out, List<Entry> entries, String days) {
    out.append("| ").append(days).append(" | Priority | Due | Owner | Postmortem | Action item | Ticket |\n");
    out.append("|---:|---|---|---|---|---|---|\n");
    for (Entry e : entries) {
      String ticket = e.ticketUrl();
      out.append("| ").append(e.daysOverdue() == null ? "" : e.daysOverdue())
          .append(" | ").append(e.item().priority() == null ? "" : e.item().priority())
          .append(" | ").append(e.item().dueDate() == null ? "" : e.item().dueDate())
          .append(" | ").append(e.item().owner() == null ? "—" : escape(e.item().owner()))
          .append(" | ").append(escape(e.postmortem().id()))
          .append(" | ").append(escape(e.item().title()))
          .append(" | ").append(ticket == null ? "" : ticket.startsWith("http") ? "[" + e.ticketKey() + "](" + ticket + ")" : escape(ticket))
          .append(" |\n");
    }
  }

  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("*", "\\*").replace("_", "\\_");
  }
}
