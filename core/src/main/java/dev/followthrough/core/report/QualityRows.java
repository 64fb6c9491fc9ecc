package dev.followthrough.core.report;

import dev.followthrough.core.report.QualityFigures.Share;
import java.util.ArrayList;
import java.util.List;

/** The quality figures as rows of cells, shared by the text, Markdown and HTML formats. */
final class QualityRows {
  static final String NO_OWNER = "(no owner)";

  private QualityRows() {}

  /** Whether there is anything to show: at least one postmortem. */
  static boolean any(QualityFigures q) {
    return !q.byPostmortem().isEmpty();
  }

  /** One line on the overall share. */
  static String headline(QualityFigures q) {
    Share s = q.overall();
    String line = "action item quality: " + s.withFindings() + " of " + s.checked() + " checked items have findings ("
        + ReportFormat.percent(s.findingRate()) + "), " + s.withErrors() + " an error ("
        + ReportFormat.percent(s.errorRate()) + ")";
    long unchecked = s.items() - s.checked();
    return unchecked == 0 ? line : line + "; " + unchecked + " never checked (import their documents again)";
  }

  static List<String> header(String first, boolean whole) {
    List<String> header = new ArrayList<>(List.of(first, "Items", "Checked", "With findings", "Share", "With errors",
        "Error share"));
    if (whole) {
      header.add("On the whole");
    }
    return header;
  }

  static List<List<String>> byPostmortem(QualityFigures q) {
    List<List<String>> rows = new ArrayList<>();
    for (QualityFigures.ByPostmortem p : q.byPostmortem()) {
      List<String> row = cells(p.postmortemId(), p.share());
      row.add(p.findings() == null ? "never checked" : p.findings().isEmpty() ? "" : String.join(", ", p.findings()));
      rows.add(row);
    }
    return rows;
  }

  static List<List<String>> byTeam(QualityFigures q) {
    List<List<String>> rows = new ArrayList<>();
    q.byTeam().forEach(t -> rows.add(cells(t.team() == null ? NO_OWNER : t.team(), t.share())));
    return rows;
  }

  private static List<String> cells(String name, Share s) {
    return new ArrayList<>(List.of(name, Long.toString(s.items()), Long.toString(s.checked()),
        Long.toString(s.withFindings()), ReportFormat.percent(s.findingRate()), Long.toString(s.withErrors()),
        ReportFormat.percent(s.errorRate())));
  }
}
