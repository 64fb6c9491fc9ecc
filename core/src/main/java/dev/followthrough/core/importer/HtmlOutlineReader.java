package dev.followthrough.core.importer;

import dev.followthrough.core.importer.Outline.Blank;
import dev.followthrough.core.importer.Outline.Bullet;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Row;
import dev.followthrough.core.importer.Outline.Section;
import dev.followthrough.core.importer.Outline.SubHeading;
import dev.followthrough.core.importer.Outline.Table;
import dev.followthrough.core.importer.Outline.TextLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds an {@link Outline} from an HTML page (a wiki page in Confluence storage format or its
 * HTML export, a Google Docs or Notion export, a plain page): the page is rewritten as Markdown and
 * read by the Markdown reader, then every node takes the line of the HTML it came from.
 */
final class HtmlOutlineReader {
  private int[] sourceLines;

  Outline read(String html) {
    HtmlToMarkdown.Converted converted = HtmlToMarkdown.convert(html);
    sourceLines = converted.sourceLines();
    Outline outline = new MarkdownOutlineReader(0).read(converted.markdown());
    List<Section> sections = new ArrayList<>();
    for (Section s : outline.sections()) {
      sections.add(new Section(s.heading(), at(s.line()), nodes(s.nodes())));
    }
    return new Outline(outline.title(), at(outline.titleLine()), sections);
  }

  /** Whether a document is HTML: by its name, else by how its text starts. */
  static boolean isHtml(String name, String text) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".html") || lower.endsWith(".htm")) {
      return true;
    }
    String start = text.stripLeading();
    String head = start.substring(0, Math.min(start.length(), 15)).toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html");
  }

  private List<Node> nodes(List<Node> nodes) {
    List<Node> out = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      out.add(node(n));
    }
    return out;
  }

  private Node node(Node n) {
    if (n instanceof TextLine t) {
      return new TextLine(at(t.line()), t.text(), t.indent());
    } else if (n instanceof Bullet b) {
      return new Bullet(at(b.line()), b.text(), b.checked(), nodes(b.children()));
    } else if (n instanceof Table t) {
      List<Row> rows = new ArrayList<>();
      for (Row r : t.rows()) {
        rows.add(new Row(at(r.line()), r.cells()));
      }
      return new Table(at(t.line()), t.header(), rows);
    } else if (n instanceof SubHeading h) {
      return new SubHeading(at(h.line()), h.text());
    }
    return new Blank(at(((Blank) n).line()));
  }

  private int at(int markdownLine) {
    return markdownLine <= 0 || markdownLine >= sourceLines.length ? 0 : sourceLines[markdownLine];
  }
}
