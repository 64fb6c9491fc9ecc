package dev.followthrough.core.report;

import dev.followthrough.core.report.OverdueReport.Entry;
import java.util.List;
import java.util.Map;

/** The aligned plain-text report for terminals. */
final class TextReport {
  private static final String RED = "\u001b[31m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  private final OverdueReport report;
  private final GroupBy groupBy;
  private final boolean colour;

  TextReport(OverdueReport report, GroupBy groupBy, boolean colour) {
    this.report = report;
    this.groupBy = groupBy;
    this.colour = colour;
  }

  private String bold(String s) {
    return colour ? BOLD + s + RESET : s;
  }

  /** Colours whole lines after aligning, so escape codes never skew the columns. */
  private String redRows(String table) {
    if (!colour) {
      return table;
    }
    StringBuilder out = new StringBuilder();
    boolean header = true;
    for (String line : table.split("\n")) {
      out.append(header ? line : RED + line + RESET).append('\n');
      header = false;
    }
    return out.toString();
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append(bold("Action items as of " + report.asOf() + ": " + ReportFormat.headline(report))).append('\n');
    out.append(capitalize(ReportFormat.completion(report.summary()))).append('\n');
    if (report.overdue().isEmpty()) {
      out.append("\nNothing is overdue.\n");
    }
    for (Map.Entry<String, List<Entry>> group : groupBy.group(report.overdue()).entrySet()) {
      out.append('\n').append(bold(group.getKey() + " (" + group.getValue().size() + " overdue)")).append('\n');
      out.append(indent(redRows(table(group.getValue(), "DAYS OVERDUE"))));
    }
    if (!report.dueSoon().isEmpty()) {
      out.append("\nDue within ").append(report.dueSoonDays()).append(" days\n");
      out.append(indent(table(report.dueSoon(), "DAYS LEFT")));
    }
    if (!report.unowned().isEmpty()) {
      out.append("\nWithout an owner\n");
      out.append(indent(table(report.unowned(), "DAYS OVERDUE")));
    }
    if (!report.verificationDue().isEmpty()) {
      out.append("\n").append(bold("Verification overdue: done, but not yet shown to work")).append('\n');
      TextTable t = new TextTable(60, "DAYS OVERDUE", "VERIFY BY", "OWNER", "POSTMORTEM", "TITLE", "CRITERION");
      report.verificationDue().forEach(e -> t.row(e.daysOverdue(), e.item().verification().dueDate(), e.item().owner(),
          e.postmortem().id(), e.item().title(), e.item().verification().criterion()));
      out.append(indent(t.render()));
    }
    if (!report.recurrences().isEmpty()) {
      out.append("\n").append(bold("Incidents that happened again")).append('\n');
      report.recurrences().forEach(r -> out.append("  ").append(ReportFormat.recurrence(r)).append('\n'));
    }
    if (!report.openItemsOfRecurredIncidents().isEmpty()) {
      out.append("\nStill open from incidents that happened again\n");
      out.append(indent(table(report.openItemsOfRecurredIncidents(), "DAYS OVERDUE")));
    }
    quality(out);
    return out.toString();
  }

  private void quality(StringBuilder out) {
    QualityFigures q = report.quality();
    if (!QualityRows.any(q)) {
      return;
    }
    out.append('\n').append(bold(capitalize(QualityRows.headline(q)))).append('\n');
    out.append(indent(qualityTable(QualityRows.header("POSTMORTEM", true), QualityRows.byPostmortem(q))));
    if (!q.byTeam().isEmpty()) {
      out.append(indent(qualityTable(QualityRows.header("TEAM", false), QualityRows.byTeam(q))));
    }
  }

  private static String qualityTable(List<String> header, List<List<String>> rows) {
    TextTable t = new TextTable(60, header.stream().map(h -> h.toUpperCase(java.util.Locale.ROOT)).toArray(String[]::new));
    rows.forEach(r -> t.row(r.stream().map(c -> c.isEmpty() ? "-" : c).toArray()));
    return "\n" + t.render();
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
