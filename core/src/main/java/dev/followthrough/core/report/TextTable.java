package dev.followthrough.core.report;

import java.util.ArrayList;
import java.util.List;

/** A plain, column-aligned table for terminals; cells longer than the width are cut with an ellipsis. */
public final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final int maxWidth;

  public TextTable(int maxWidth, String... header) {
    this.header = List.of(header);
    this.maxWidth = maxWidth;
  }

  public TextTable row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object c : cells) {
      String s = c == null ? "-" : c.toString().replace('\n', ' ');
      row.add(s.length() > maxWidth ? s.substring(0, maxWidth - 1) + "…" : s);
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public String render() {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> r : rows) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths);
    for (List<String> r : rows) {
      line(out, r, widths);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      l.append(cells.get(i));
      if (i < cells.size() - 1) {
        l.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
      }
    }
    out.append(l.toString().stripTrailing()).append('\n');
  }
}
