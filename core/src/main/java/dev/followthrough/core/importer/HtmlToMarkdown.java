package dev.followthrough.core.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;

/**
 * Rewrites an HTML page as the Markdown it stands for, so the Markdown reader and every rule
 * behind it read wiki and document exports unchanged: headings, paragraphs, lists (nested, or
 * flat with a level in the class as Google Docs writes them), task lists (Confluence's {@code
 * <ac:task-list>}, its export's {@code li.checked}, Notion's checkbox classes, checkbox inputs,
 * ☐/☑ characters) and tables. Each Markdown line remembers the HTML line it came from.
 */
final class HtmlToMarkdown {
  /** Google Docs names a list's level in its class: {@code lst-kix_abc123-1} is one level down. */
  private static final Pattern DOCS_LEVEL = Pattern.compile("\\blst-kix_[a-z0-9]+-(\\d+)\\b");
  private static final String BOX_OPEN = "☐";
  private static final String BOXES_DONE = "☑☒✅✔";

  /** The page as Markdown, and for each of its lines (1-based) the HTML line it came from. */
  record Converted(String markdown, int[] sourceLines) {}

  private final StringBuilder out = new StringBuilder();
  private final List<Integer> lines = new ArrayList<>();
  private boolean titled;

  private HtmlToMarkdown() {}

  static Converted convert(String html) {
    Document document = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
    HtmlToMarkdown converter = new HtmlToMarkdown();
    converter.title(document);
    converter.blocks(content(document));
    int[] map = new int[converter.lines.size() + 2];
    for (int i = 0; i < converter.lines.size(); i++) {
      map[i + 1] = converter.lines.get(i);
    }
    return new Converted(converter.out.toString(), map);
  }

  /**
   * The part of a page that is the document: its one {@code <main>} (or {@code role="main"}, or
   * one {@code <article>}) when it has one, else its body; without the site's chrome (navigation,
   * side bars, footers), which a published site repeats on every page and which would otherwise
   * read as the summary of each.
   */
  private static Element content(Document document) {
    Element root = document.body();
    for (String main : List.of("main, [role=main]", "article")) {
      var found = document.select(main);
      if (found.size() == 1) {
        root = found.first();
        break;
      }
    }
    root.select("nav, aside, footer, [role=navigation], [role=banner], [role=contentinfo], [role=complementary]")
        .remove();
    return root;
  }

  /** A page without a level-one heading is titled by its {@code <title>} (Google Docs, Notion). */
  private void title(Document document) {
    Element title = document.selectFirst("h1, p.title");
    if (title == null && !document.title().isBlank()) {
      line(document.title(), lineOf(document.head()));
      line("", 0);
      titled = true;
    }
  }

  private void blocks(Element parent) {
    for (Element e : parent.children()) {
      block(e);
    }
  }

  private void block(Element e) {
    String name = e.normalName();
    if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
      heading(e, name.charAt(1) - '0');
    } else if (name.equals("p") && (e.hasClass("title") || e.hasClass("subtitle"))) {
      heading(e, e.hasClass("title") ? 1 : 2);
    } else if (name.equals("ul") || name.equals("ol")) {
      list(e, levelOf(e));
      // Google Docs writes one list as a run of lists, one per level change: they stay one list.
      Element next = e.nextElementSibling();
      if (next == null || !(next.normalName().equals("ul") || next.normalName().equals("ol"))) {
        line("", 0);
      }
    } else if (name.equals("ac:task-list")) {
      tasks(e, 0);
      line("", 0);
    } else if (name.equals("table")) {
      new HtmlTables(this::line).table(e);
      line("", 0);
    } else if (name.equals("pre") || name.equals("script") || name.equals("style") || name.equals("head")
        || name.equals("code") || isCodeMacro(e)) {
      // Code and page plumbing carry no postmortem content, as in Markdown.
    } else if (hasBlockChild(e)) {
      blocks(e);
      inlineRest(e);
    } else {
      paragraph(e);
    }
  }

  private void heading(Element e, int level) {
    String text = HtmlInlines.of(e).replace('\n', ' ').strip();
    if (!text.isEmpty()) {
      line("#".repeat(titled && level == 1 ? 2 : level) + " " + text, lineOf(e));
      line("", 0);
    }
  }

  private void paragraph(Element e) {
    String text = HtmlInlines.of(e);
    if (text.isBlank()) {
      return;
    }
    int at = lineOf(e);
    for (String part : text.split("\n")) {
      if (!part.isBlank()) {
        line(escapeStart(part.strip()), at);
      }
    }
    line("", 0);
  }

  /** Text written straight into a container beside its blocks ("<div>Owner: sam<ul>…") is a paragraph too. */
  private void inlineRest(Element e) {
    String own = e.ownText().strip();
    if (!own.isEmpty()) {
      line(escapeStart(HtmlInlines.escaped(own)), lineOf(e));
      line("", 0);
    }
  }

  private void list(Element list, int level) {
    boolean ordered = list.normalName().equals("ol");
    for (Element li : list.children()) {
      if (!li.normalName().equals("li")) {
        continue;
      }
      String text = HtmlInlines.of(li).replace('\n', ' ').strip();
      Boolean checked = checked(li);
      if (checked == null && !text.isEmpty()) {
        if (text.startsWith(BOX_OPEN)) {
          checked = false;
          text = text.substring(1).strip();
        } else if (BOXES_DONE.indexOf(text.charAt(0)) >= 0) {
          checked = true;
          text = text.substring(1).strip();
        }
      }
      String marker = ordered ? "1. " : "- ";
      String box = checked == null ? "" : checked ? "[x] " : "[ ] ";
      line("  ".repeat(level * (ordered ? 3 : 2) / 2) + marker + box + text, lineOf(li));
      for (Element child : li.children()) {
        if (child.normalName().equals("ul") || child.normalName().equals("ol")) {
          list(child, level + 1);
        } else if (child.normalName().equals("ac:task-list")) {
          tasks(child, level + 1);
        }
      }
    }
  }

  private void tasks(Element list, int level) {
    for (Element task : list.children()) {
      if (!task.normalName().equals("ac:task")) {
        continue;
      }
      Element status = task.selectFirst("> ac\\:task-status");
      Element body = task.selectFirst("> ac\\:task-body");
      boolean done = status != null && status.text().strip().equalsIgnoreCase("complete");
      String text = body == null ? "" : HtmlInlines.of(body).replace('\n', ' ').strip();
      line("  ".repeat(level) + "- " + (done ? "[x] " : "[ ] ") + text, lineOf(task));
      if (body != null) {
        for (Element nested : body.select("> ac\\:task-list")) {
          tasks(nested, level + 1);
        }
      }
    }
  }

  /** A list item's own task box, however the exporter wrote it; {@code null} for a plain item. */
  private static Boolean checked(Element li) {
    if (li.hasAttr("data-inline-task-id") || li.parent() != null && li.parent().hasClass("inline-task-list")) {
      return li.hasClass("checked");
    }
    Element input = li.selectFirst("> input[type=checkbox], > label > input[type=checkbox], > p > input[type=checkbox]");
    if (input != null) {
      return input.hasAttr("checked");
    }
    Element box = li.selectFirst("> .checkbox, > div > .checkbox");
    if (box != null) {
      return box.hasClass("checkbox-on");
    }
    return null;
  }

  private static int levelOf(Element list) {
    Matcher m = DOCS_LEVEL.matcher(list.className());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static boolean isCodeMacro(Element e) {
    String macro = e.attr("ac:name").toLowerCase(Locale.ROOT);
    return e.normalName().equals("ac:structured-macro") && (macro.equals("code") || macro.equals("noformat"));
  }

  private static boolean hasBlockChild(Element e) {
    for (Element child : e.children()) {
      String n = child.normalName();
      if (n.equals("p") || n.equals("div") || n.equals("ul") || n.equals("ol") || n.equals("table")
          || n.equals("section") || n.equals("article") || n.equals("header") || n.equals("main")
          || n.equals("blockquote") || n.equals("details") || n.equals("ac:task-list") || n.equals("ac:rich-text-body")
          || n.equals("ac:structured-macro") || n.equals("ac:layout") || n.equals("ac:layout-section")
          || n.equals("ac:layout-cell") || n.equals("figure") || n.equals("pre")
          || (n.length() == 2 && n.charAt(0) == 'h' && Character.isDigit(n.charAt(1)))) {
        return true;
      }
    }
    return false;
  }

  /** A paragraph that starts like Markdown markup ("# 3 servers", "> quote") stays a paragraph. */
  private static String escapeStart(String text) {
    return !text.isEmpty() && (text.charAt(0) == '#' || text.charAt(0) == '>') ? "\\" + text : text;
  }

  private static int lineOf(Node node) {
    var range = node == null ? null : node.sourceRange();
    return range == null || !range.isTracked() ? 0 : range.start().lineNumber();
  }

  void line(String text, int sourceLine) {
    out.append(text).append('\n');
    lines.add(sourceLine == 0 && !lines.isEmpty() ? lines.get(lines.size() - 1) : sourceLine);
  }

  static int lineOfNode(Node node) {
    return lineOf(node);
  }
}
