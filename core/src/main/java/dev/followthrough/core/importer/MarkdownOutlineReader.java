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
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** Builds an {@link Outline} from Markdown through commonmark-java and its GFM tables extension. */
final class MarkdownOutlineReader {
  private static final Parser PARSER = parser(true);

  private static final java.util.regex.Pattern TASK_BOX = java.util.regex.Pattern.compile("^\\[([ xX*])]\\s+");

  private final int lineOffset;
  private String title;
  private int titleLine;
  private final List<Section> sections = new ArrayList<>();
  private String heading;
  private int headingLine;
  private int headingLevel;
  private List<Node> nodes = new ArrayList<>();

  /** @param lineOffset lines before {@code text} in the file (front matter), for line numbers */
  MarkdownOutlineReader(int lineOffset) {
    this.lineOffset = lineOffset;
  }

  Outline read(String text) {
    Document document = (Document) PARSER.parse(text);
    for (org.commonmark.node.Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      top(block);
    }
    flush();
    return new Outline(title, titleLine, sections);
  }

  private void top(org.commonmark.node.Node block) {
    if (block instanceof Heading h) {
      String text = inlineText(h).strip();
      if (h.getLevel() == 1 && title == null && sections.isEmpty() && nodes.isEmpty() && isTitle(text)) {
        title = text;
        titleLine = lineOf(h);
        return;
      }
      if (heading != null && (h.getLevel() > headingLevel && SectionKind.holds(heading, text)
          || SectionKind.of(heading) == SectionKind.TIMELINE && DayHeadings.isDay(text))) {
        nodes.add(new SubHeading(lineOf(h), text));
        return;
      }
      flush();
      heading = text;
      headingLevel = h.getLevel();
      headingLine = lineOf(h);
    } else if (block instanceof Paragraph p) {
      paragraph(p);
      nodes.add(new Blank(lineOf(p)));
    } else if (block instanceof ListBlock list) {
      nodes.addAll(listItems(list));
      nodes.add(new Blank(lineOf(list)));
    } else if (block instanceof TableBlock table) {
      nodes.add(table(table));
    } else if (block instanceof BlockQuote quote) {
      for (var child = quote.getFirstChild(); child != null; child = child.getNext()) {
        top(child);
      }
    } else if (block instanceof IndentedCodeBlock code && heading != null && SectionKind.of(heading) == SectionKind.TIMELINE) {
      nodes.addAll(TimelineBlocks.indentedLines(code.getLiteral(), lineOf(code)));
    }
    // Other code blocks (logs, commands), HTML blocks and rules carry no postmortem content.
  }

  private void paragraph(Paragraph p) {
    List<String> lines = lines(p);
    int first = lineOf(p);
    // A lone short line such as "Timeline:" or "**Root Cause**" titles a section, Markdown or not.
    if (lines.size() == 1 && PlainTextOutlineReader.isSectionLabel(lines.get(0))) {
      if (holdsLabel(lines.get(0), p.getNext())) {
        // "Post-resolution:" between "### 06:17" entries groups them, as a deeper heading would.
        nodes.add(new SubHeading(first, lines.get(0)));
        return;
      }
      flush();
      heading = lines.get(0);
      headingLine = first;
      // A bold label ("**Timeline**") ranks below any Markdown heading around it.
      headingLevel = 7;
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i > 0 && PlainTextOutlineReader.isSectionLabel(line)) {
        flush();
        heading = line;
        headingLine = first + i;
        headingLevel = 7;
        continue;
      }
      nodes.add(new TextLine(first + i, line, 0));
    }
  }

  /**
   * Whether a label stays inside the Markdown-headed section around it, as a deeper heading would:
   * a group label in a list of actions, or any label in a timeline whose timed headings go on
   * right after it.
   */
  private boolean holdsLabel(String label, org.commonmark.node.Node next) {
    if (heading == null || headingLevel >= 7) {
      return false;
    }
    SectionKind kind = SectionKind.of(heading);
    if (kind.holdsSubHeading(SectionKind.of(label))) {
      return true;
    }
    return kind == SectionKind.TIMELINE && next instanceof Heading h && h.getLevel() > headingLevel
        && Leading.of(inlineText(h)).isPresent();
  }

  private List<Node> listItems(ListBlock list) {
    List<Node> items = new ArrayList<>();
    for (var item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (item instanceof ListItem li) {
        items.add(bullet(li));
      }
    }
    return items;
  }

  private Bullet bullet(ListItem item) {
    String text = "";
    int line = lineOf(item);
    List<Node> children = new ArrayList<>();
    boolean first = true;
    for (var child = item.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Paragraph p) {
        List<String> lines = lines(p);
        int pLine = lineOf(p);
        for (int i = 0; i < lines.size(); i++) {
          if (first) {
            text = lines.get(i);
            first = false;
          } else {
            children.add(new TextLine(pLine + i, lines.get(i), 2));
          }
        }
      } else if (child instanceof Heading h) {
        // "- ### 20:23 UTC:": a heading written inside a bullet is the bullet's text.
        String headingText = inlineText(h).strip();
        if (first) {
          text = headingText;
          first = false;
        } else {
          children.add(new TextLine(lineOf(h), headingText, 2));
        }
      } else if (child instanceof ListBlock nested) {
        children.addAll(listItems(nested));
      } else if (child instanceof TableBlock table) {
        children.add(table(table));
      }
    }
    Boolean checked = null;
    // Only an item that opens with "[" can hold a task box.
    var box = text.startsWith("[") ? TASK_BOX.matcher(text) : null;
    if (box != null && box.find()) {
      checked = !box.group(1).equals(" ");
      text = text.substring(box.end());
    }
    return new Bullet(line, text.strip(), checked, children);
  }

  private Table table(TableBlock block) {
    List<String> header = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (var part = block.getFirstChild(); part != null; part = part.getNext()) {
      for (var row = part.getFirstChild(); row != null; row = row.getNext()) {
        List<String> cells = new ArrayList<>();
        for (var cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
          if (cell instanceof TableCell c) {
            cells.add(inlineText(c).strip());
          }
        }
        if (part instanceof TableHead) {
          header.addAll(cells);
        } else {
          rows.add(new Row(lineOf(row), cells));
        }
      }
    }
    return new Table(lineOf(block), header, rows);
  }

  private void flush() {
    if (heading != null || !nodes.isEmpty()) {
      sections.add(new Section(heading, headingLine, List.copyOf(nodes)));
    }
    heading = null;
    nodes = new ArrayList<>();
  }

  /**
   * The paragraph's text split at its line breaks, with emphasis markers dropped and hard-wrapped
   * lines joined again.
   */
  private static List<String> lines(org.commonmark.node.Node parent) {
    // Most cells, items and paragraphs are one plain line: one text node, nothing to join.
    if (parent.getFirstChild() instanceof Text t && t.getNext() == null) {
      return List.of(t.getLiteral().strip());
    }
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    collect(parent, current, lines);
    lines.add(current.toString().strip());
    return LineJoin.join(lines);
  }

  /** The one parser the importer uses; without {@code plainLines}, only to test {@link PlainLineInlines}. */
  static Parser parser(boolean plainLines) {
    var builder = Parser.builder()
        .extensions(List.of(TablesExtension.create()))
        .includeSourceSpans(IncludeSourceSpans.BLOCKS);
    return plainLines ? builder.inlineParserFactory(PlainLineInlines::create).build() : builder.build();
  }

  /** A first top-level heading titles the document unless it only names a section ("# Summary"). */
  private static boolean isTitle(String text) {
    return SectionKind.of(text) == SectionKind.OTHER || Regex.split(SectionKind.normalize(text), "\\s+").length > 4
        || (text.indexOf(':') > 0 && !text.strip().endsWith(":"));
  }

  private static void collect(org.commonmark.node.Node parent, StringBuilder current, List<String> lines) {
    for (var node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        lines.add(current.toString().strip());
        current.setLength(0);
      } else if (node instanceof Text t) {
        current.append(t.getLiteral());
      } else if (node instanceof Code c) {
        current.append(c.getLiteral());
      } else if (node instanceof HtmlInline html) {
        // <br> breaks a line (cells join their parts with it); other inline HTML is not content.
        if (html.getLiteral().toLowerCase(java.util.Locale.ROOT).startsWith("<br")) {
          lines.add(current.toString().strip());
          current.setLength(0);
        }
      } else if (node instanceof Link link && link.getFirstChild() == null) {
        current.append(link.getDestination());
      } else {
        collect(node, current, lines);
        if (node instanceof Link link && looksLikeTicket(link)) {
          current.append(" <").append(link.getDestination()).append('>');
        }
      }
    }
  }

  /** Keeps the URL of a ticket link ("[OPS-12](https://…)") so the ticket column can use it. */
  private static boolean looksLikeTicket(Link link) {
    String d = link.getDestination();
    return d != null && (d.contains("/browse/") || d.contains("/issues/"));
  }

  private static String inlineText(org.commonmark.node.Node node) {
    return String.join(" ", lines(node)).strip();
  }

  private int lineOf(org.commonmark.node.Node node) {
    var spans = node.getSourceSpans();
    return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1 + lineOffset;
  }
}
