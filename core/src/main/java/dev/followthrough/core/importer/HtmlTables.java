package dev.followthrough.core.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.jsoup.nodes.Element;

/**
 * An HTML table as a Markdown table: the {@code <thead>} row, else the first row, is the header
 * (Google Docs and Confluence write no {@code <thead>}); a cell's paragraphs and line breaks are
 * joined with {@code <br>}, as a Markdown cell joins its parts.
 */
final class HtmlTables {
  private final ObjIntConsumer<String> line;

  HtmlTables(ObjIntConsumer<String> line) {
    this.line = line;
  }

  void table(Element table) {
    List<Element> rows = table.select("tr");
    // A table nested in a cell is read as that cell's text, not as rows of this one.
    rows.removeIf(r -> r.closest("table") != table);
    if (rows.isEmpty()) {
      return;
    }
    List<String> header = cells(rows.get(0));
    if (header.isEmpty()) {
      return;
    }
    line.accept(row(header), HtmlToMarkdown.lineOfNode(rows.get(0)));
    line.accept("|" + " --- |".repeat(header.size()), HtmlToMarkdown.lineOfNode(rows.get(0)));
    for (Element tr : rows.subList(1, rows.size())) {
      List<String> cells = cells(tr);
      if (!cells.isEmpty()) {
        line.accept(row(cells), HtmlToMarkdown.lineOfNode(tr));
      }
    }
  }

  private static List<String> cells(Element tr) {
    List<String> cells = new ArrayList<>();
    for (Element cell : tr.children()) {
      if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
        cells.add(cellText(cell));
      }
    }
    return cells;
  }

  private static String cellText(Element cell) {
    List<String> parts = new ArrayList<>();
    List<Element> blocks = cell.select("> p, > div, > li, > ul > li, > ol > li, > ac\\:task-list > ac\\:task");
    if (blocks.isEmpty()) {
      parts.add(HtmlInlines.of(cell));
    } else {
      for (Element b : blocks) {
        parts.add(HtmlInlines.of(b));
      }
    }
    return String.join("<br>", parts.stream().flatMap(p -> p.lines()).map(String::strip)
        .filter(p -> !p.isEmpty()).toList());
  }

  private static String row(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |";
  }
}
