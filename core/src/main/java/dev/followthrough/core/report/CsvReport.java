package dev.followthrough.core.report;

import dev.followthrough.core.report.OverdueReport.Entry;
import java.util.List;

/** RFC 4180 CSV: a header row, then one row per listed item and the section it is listed in. */
final class CsvReport {
  private static final String HEADER =
      "section,postmortemId,itemId,title,owner,priority,status,dueDate,daysOverdue,ticket";

  private CsvReport() {}

  static String render(OverdueReport report) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    rows(out, "overdue", report.overdue());
    rows(out, "dueSoon", report.dueSoon());
    rows(out, "unowned", report.unowned());
    rows(out, "verificationDue", report.verificationDue());
    rows(out, "openItemOfRecurredIncident", report.openItemsOfRecurredIncidents());
    return out.toString();
  }

  private static void rows(StringBuilder out, String section, List<Entry> entries) {
    for (Entry e : entries) {
      out.append(String.join(",", field(section), field(e.postmortem().id()), field(e.item().id()),
          field(e.item().title()), field(e.item().owner()), field(e.item().priority()), field(e.item().status()),
          field(e.item().dueDate()), field(e.daysOverdue()), field(e.ticketUrl()))).append("\r\n");
    }
  }

  /** Quotes a field when it holds a comma, quote or line break, doubling inner quotes. */
  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
