package dev.followthrough.server.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart as inline SVG: one bar per row, each made of coloured segments (a plain
 * chart has one segment per bar). No script and no external asset; styled by class from the
 * dashboard's stylesheet, each segment titled with its count for a tooltip and for screen readers.
 */
final class BarChart {
  private static final int ROW = 24;
  private static final int LABEL_WIDTH = 190;
  private static final int BAR_WIDTH = 300;

  /** One part of a bar: its class (colour), what it counts, and how many. */
  record Segment(String cssClass, String name, int count) {}

  private record Bar(String label, List<Segment> segments) {
    int total() {
      return segments.stream().mapToInt(Segment::count).sum();
    }
  }

  private final String id;
  private final String title;
  private final List<Bar> bars = new ArrayList<>();

  BarChart(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** A bar of one segment: {@code name} says what it counts ({@code overdue}). */
  BarChart bar(String label, int count, String cssClass, String name) {
    return bar(label, List.of(new Segment(cssClass, name, count)));
  }

  BarChart bar(String label, List<Segment> segments) {
    bars.add(new Bar(label, List.copyOf(segments)));
    return this;
  }

  String render() {
    int max = bars.stream().mapToInt(Bar::total).max().orElse(0);
    int height = Math.max(1, bars.size()) * ROW + 8;
    int width = LABEL_WIDTH + BAR_WIDTH + 50;
    StringBuilder out = new StringBuilder();
    out.append("<figure class=\"chart\"><figcaption>").append(Html.esc(title)).append("</figcaption>\n")
        .append("<svg id=\"").append(Html.esc(id)).append("\" role=\"img\" aria-label=\"").append(Html.esc(title))
        .append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
    if (bars.isEmpty()) {
      out.append("<text class=\"label\" x=\"0\" y=\"18\">nothing to show</text>\n");
    }
    int y = 4;
    for (Bar bar : bars) {
      out.append("<g class=\"bar-row\"><text class=\"label\" x=\"0\" y=\"").append(y + 16).append("\">")
          .append(Html.esc(shorten(bar.label()))).append("<title>").append(Html.esc(bar.label())).append("</title></text>");
      double x = LABEL_WIDTH;
      for (Segment s : bar.segments()) {
        if (s.count() == 0) {
          continue;
        }
        double w = (double) BAR_WIDTH * s.count() / max;
        out.append("<rect class=\"seg ").append(Html.esc(s.cssClass())).append("\" x=\"").append(fmt(x))
            .append("\" y=\"").append(y + 3).append("\" width=\"").append(fmt(w)).append("\" height=\"")
            .append(ROW - 6).append("\"><title>").append(Html.esc(bar.label())).append(", ").append(Html.esc(s.name()))
            .append(": ").append(s.count()).append("</title></rect>");
        x += w;
      }
      out.append("<text class=\"count\" x=\"").append(fmt(x + 5)).append("\" y=\"").append(y + 16).append("\">")
          .append(bar.total()).append("</text></g>\n");
      y += ROW;
    }
    return out.append("</svg></figure>\n").toString();
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  private static String shorten(String s) {
    return s.length() > 26 ? s.substring(0, 25) + "…" : s;
  }
}
