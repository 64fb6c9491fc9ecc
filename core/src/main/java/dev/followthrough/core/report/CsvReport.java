package dev.followthrough.core.report;

import dev.followthrough.core.report.OverdueReport.Entry;
import dev.followthrough.core.report.QualityFigures.Share;
import java.util.List;

/**
 * RFC 4180 CSV: a header row, then one row per listed item and the section it is listed in, then
 * the quality figures: one {@code quality} row overall, one {@code qualityByPostmortem} row per
 * postmortem, one {@code qualityByTeam} row per team. Every row has every column; those that do not
 * apply to a row are empty.
 */
final class CsvReport {
  private static final String HEADER = "section,postmortemId,itemId,title,owner,priority,status,dueDate,daysOverdue,"
      + "ticket,team,items,checked,withFindings,withErrors,findingRate,errorRate";
  private static final String NO_QUALITY = ",,,,,,,";

  private CsvReport() {}

  static String render(OverdueReport report) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    rows(out, "overdue", report.overdue());
    rows(out, "dueSoon", report.dueSoon());
    rows(out, "unowned", report.unowned());
    rows(out, "verificationDue", report.verificationDue());
    rows(out, "openItemOfRecurredIncident", report.openItemsOfRecurredIncidents());
    QualityFigures q = report.quality();
    if (QualityRows.any(q)) {
      quality(out, "quality", null, null, q.overall());
      q.byPostmortem().forEach(p -> quality(out, "qualityByPostmortem", p.postmortemId(), null, p.share()));
      q.byTeam().forEach(t -> quality(out, "qualityByTeam", null, t.team() == null ? QualityRows.NO_OWNER : t.team(),
          t.share()));
    }
    return out.toString();
  }

  private static void rows(StringBuilder out, String section, List<Entry> entries) {
    for (Entry e : entries) {
      out.append(String.join(",", field(section), field(e.postmortem().id()), field(e.item().id()),
          field(e.item().title()), field(e.item().owner()), field(e.item().priority()), field(e.item().status()),
          field(e.item().dueDate()), field(e.daysOverdue()), field(e.ticketUrl()))).append(NO_QUALITY).append("\r\n");
    }
  }

  private static void quality(StringBuilder out, String section, String postmortemId, String team, Share s) {
    out.append(String.join(",", field(section), field(postmortemId), "", "", "", "", "", "", "", "", field(team),
        field(s.items()), field(s.checked()), field(s.withFindings()), field(s.withErrors()), field(s.findingRate()),
        field(s.errorRate()))).append("\r\n");
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
