package dev.followthrough.core.report;

import dev.followthrough.core.report.OverdueReport.Entry;
import java.util.List;
import java.util.Map;

/** The aligned plain-text report for terminals. */
final class TextReport {
  private final OverdueReport report;
  private final GroupBy groupBy;

  TextReport(OverdueReport report, GroupBy groupBy) {
    this.report = report;
    this.groupBy = groupBy;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("Action items as of ").append(report.asOf()).append(": ").append(ReportFormat.headline(report)).append('\n');
    out.append(capitalize(ReportFormat.completion(report.summary()))).append('\n');
    if (report.overdue().isEmpty()) {
      out.append("\nNothing is overdue.\n");
    }
    for (Map.Entry<String, List<Entry>> group : groupBy.group(report.overdue()).entrySet()) {
      out.append('\n').append(group.getKey()).append(" (").append(group.getValue().size()).append(" overdue)\n");
      out.append(indent(table(group.getValue(), "DAYS OVERDUE")));
    }
    if (!report.dueSoon().isEmpty()) {
      out.append("\nDue within ").append(report.dueSoonDays()).append(" days\n");
      out.append(indent(table(report.dueSoon(), "DAYS LEFT")));
    }
    if (!report.unowned().isEmpty()) {
      out.append("\nWithout an owner\n");
      out.append(indent(table(report.unowned(), "DAYS OVERDUE")));
    }
    return out.toString();
  }

  private static String table(List<Entry> entries, String daysHeader) {
    TextTable t = new TextTable(60, daysHeader, "PRIORITY", "DUE", "OWNER", "POSTMORTEM", "TITLE", "TICKET");
    boolean left = daysHeader.equals("DAYS LEFT");
    for (Entry e : entries) {
      Long days = e.daysOverdue() == null ? null : left ? -e.daysOverdue() : e.daysOverdue();
      t.row(days, e.item().priority(), e.item().dueDate(), e.item().owner(), e.postmortem().id(), e.item().title(),
          e.ticketUrl());
    }
    return t.render();
  }

  private static String indent(String block) {
    StringBuilder out = new StringBuilder();
    block.lines().forEach(l -> out.append("  ").append(l).append('\n'));
    return out.toString();
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
