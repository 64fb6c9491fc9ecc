package dev.followthrough.core.report;

import java.util.Locale;

/** The formats a report can be written in. */
public enum ReportFormat {
  TEXT,
  MARKDOWN,
  CSV,
  JSON,
  HTML;

  /** Writes the report in this format; grouping applies to the formats meant for people. */
  public String render(OverdueReport report, GroupBy groupBy) {
    return switch (this) {
      case TEXT -> new TextReport(report, groupBy, false).render();
      case MARKDOWN -> new MarkdownReport(report, groupBy).render();
      case CSV -> CsvReport.render(report);
      case JSON -> JsonReport.render(report);
      case HTML -> new HtmlReport(report, groupBy).render();
    };
  }

  /** The text report with ANSI colours, for terminals only (overdue rows in red, headings bold). */
  public static String colouredText(OverdueReport report, GroupBy groupBy) {
    return new TextReport(report, groupBy, true).render();
  }

  static String percent(Double rate) {
    return rate == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  /** One line that says how things stand, shared by the text, Markdown and HTML formats. */
  static String headline(OverdueReport r) {
    return r.overdue().size() + " overdue, " + r.dueSoon().size() + " due within " + r.dueSoonDays() + " days, "
        + r.unowned().size() + " without an owner";
  }

  static String completion(OverdueReport.Summary s) {
    String line = "completion " + percent(s.completionRate()) + " (" + s.done() + " of " + (s.total() - s.wontDo())
        + " done), on time " + percent(s.onTimeRate());
    line = s.medianDaysToClose() == null ? line : line + ", median " + s.medianDaysToClose() + " days to close";
    return line + "; verified " + percent(s.verificationRate()) + ", effective " + percent(s.effectiveRate())
        + (s.recurrenceRate() == null ? "" : ", incidents that repeat an earlier one " + percent(s.recurrenceRate()));
  }

  /** One line about a recorded repeat: who repeats whom, how alike, on what terms, and the earlier items. */
  static String recurrence(OverdueReport.RecurrenceEntry r) {
    var rec = r.recurrence();
    var items = rec.earlierItems();
    return r.postmortemId() + " repeats " + rec.postmortemId() + " (" + rec.status().name().toLowerCase(java.util.Locale.ROOT)
        + ", score " + rec.score() + (rec.sharedTerms().isEmpty() ? "" : ", " + String.join(", ", rec.sharedTerms()))
        + "); the earlier incident's items then: " + items.open() + " open, " + items.done() + " done, "
        + items.verifiedEffective() + " verified effective";
  }
}
