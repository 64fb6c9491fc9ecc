package dev.followthrough.core.report;

import dev.followthrough.core.report.OverdueReport.MonthFigures;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Inline SVG charts of follow-through by month: items closed (on time or late) and verified, and
 * incidents with those that repeated an earlier one. Grouped bars, one group per month.
 */
final class MonthlyCharts {
  private static final int GROUP_WIDTH = 56;
  private static final int HEIGHT = 160;

  private MonthlyCharts() {}

  record Series(String name, String colour, ToIntFunction<MonthFigures> value) {}

  static void render(StringBuilder out, List<MonthFigures> months) {
    if (months.isEmpty()) {
      return;
    }
    out.append("<h2>By month</h2>\n<div class=\"charts\">\n");
    chart(out, "Action items closed and verified, by month", "chart-closed-by-month", months, List.of(
        new Series("done on time", "#1a7f37", MonthFigures::itemsDoneOnTime),
        new Series("done late or without a due date", "#bf8700", m -> m.itemsDone() - m.itemsDoneOnTime()),
        new Series("verified effective", "#0969da", MonthFigures::verifiedEffective),
        new Series("verified ineffective", "#cf222e", MonthFigures::verifiedIneffective)));
    chart(out, "Incidents and repeats, by month", "chart-incidents-by-month", months, List.of(
        new Series("incidents", "#57606a", MonthFigures::incidents),
        new Series("repeats of an earlier incident", "#cf222e", MonthFigures::recurrences)));
    out.append("</div>\n");
  }

  private static void chart(StringBuilder out, String title, String id, List<MonthFigures> months, List<Series> series) {
    int max = 1;
    for (MonthFigures m : months) {
      for (Series s : series) {
        max = Math.max(max, s.value().applyAsInt(m));
      }
    }
    int barWidth = (GROUP_WIDTH - 8) / series.size();
    int width = 40 + months.size() * GROUP_WIDTH;
    out.append("<figure><figcaption>").append(HtmlReport.esc(title)).append("</figcaption>\n<svg id=\"").append(id)
        .append("\" role=\"img\" aria-label=\"").append(HtmlReport.esc(title)).append("\" width=\"").append(width)
        .append("\" height=\"").append(HEIGHT + 40).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
    int x = 30;
    for (MonthFigures m : months) {
      int bx = x;
      for (Series s : series) {
        int value = s.value().applyAsInt(m);
        int h = (int) Math.round((double) HEIGHT * value / max);
        out.append("<rect class=\"month-bar\" data-series=\"").append(HtmlReport.esc(s.name())).append("\" x=\"")
            .append(bx).append("\" y=\"").append(10 + HEIGHT - h).append("\" width=\"").append(barWidth - 1)
            .append("\" height=\"").append(h).append("\" fill=\"").append(s.colour()).append("\"><title>")
            .append(m.month()).append(' ').append(HtmlReport.esc(s.name())).append(": ").append(value)
            .append("</title></rect>");
        bx += barWidth;
      }
      out.append("<text class=\"label\" x=\"").append(x).append("\" y=\"").append(HEIGHT + 28).append("\">")
          .append(m.month()).append("</text>\n");
      x += GROUP_WIDTH;
    }
    out.append("</svg>\n<figcaption class=\"legend\">");
    for (Series s : series) {
      out.append("<span style=\"color:").append(s.colour()).append("\">■</span> ").append(HtmlReport.esc(s.name()))
          .append(" &nbsp; ");
    }
    out.append("</figcaption></figure>\n");
  }
}
