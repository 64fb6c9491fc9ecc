package dev.followthrough.core.importer;

import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The inline text of an HTML element as Markdown would write it: bold as {@code **}, links that
 * keep their address, Confluence user mentions as {@code @name}, status lozenges as their title,
 * Confluence dates as ISO dates; line breaks as newlines. Nested lists and tables are left to the
 * block reader.
 */
final class HtmlInlines {
  private HtmlInlines() {}

  /** The text of {@code element}'s inline content, with {@code <br>} as a newline. */
  static String of(Element element) {
    StringBuilder out = new StringBuilder();
    append(element, out);
    return out.toString().replace('\u00a0', ' ');
  }

  private static void append(Node parent, StringBuilder out) {
    for (Node node : parent.childNodes()) {
      if (node instanceof TextNode t) {
        out.append(escaped(t.getWholeText().replaceAll("\\s+", " ")));
      } else if (node instanceof Element e) {
        element(e, out);
      }
    }
  }

  private static void element(Element e, StringBuilder out) {
    String name = e.normalName();
    switch (name) {
      case "br" -> out.append('\n');
      case "ul", "ol", "table", "ac:task-list", "script", "style", "ac:parameter", "ac:task-id", "ac:task-status",
          "ac:plain-text-body" -> {
        // Block content and macro plumbing: read by the block reader, or not content at all.
      }
      case "strong", "b" -> wrap(e, "**", out);
      case "ri:user" -> out.append(" @").append(userName(e)).append(' ');
      case "time" -> {
        // A date in a Confluence task is the task's due date.
        out.append(inTask(e) ? " due: " : "").append(e.attr("datetime"));
        append(e, out);
      }
      case "a" -> link(e, out);
      case "ac:structured-macro" -> macro(e, out);
      case "input" -> {
        // A checkbox is read by the block reader as the item's task box.
      }
      default -> append(e, out);
    }
  }

  private static boolean inTask(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p.normalName().equals("ac:task-body")) {
        return true;
      }
    }
    return false;
  }

  private static void wrap(Element e, String marker, StringBuilder out) {
    StringBuilder inner = new StringBuilder();
    append(e, inner);
    String text = inner.toString();
    if (text.isBlank()) {
      out.append(text);
      return;
    }
    // "**Impact:** " keeps its spaces outside the markers, as Markdown requires.
    String lead = text.substring(0, text.length() - text.stripLeading().length());
    String trail = text.substring(text.stripTrailing().length());
    out.append(lead).append(marker).append(text.strip()).append(marker).append(trail);
  }

  private static void link(Element a, StringBuilder out) {
    if (a.hasClass("user-mention") || a.hasClass("confluence-userlink") || a.hasAttr("data-username")) {
      out.append(" @").append(a.hasAttr("data-username") ? a.attr("data-username") : handle(a.text())).append(' ');
      return;
    }
    StringBuilder inner = new StringBuilder();
    append(a, inner);
    String href = a.attr("href");
    String text = inner.toString().strip();
    if (href.startsWith("http") && !text.isEmpty() && text.indexOf(']') < 0 && href.indexOf(')') < 0) {
      out.append('[').append(text).append("](").append(href).append(')');
    } else {
      out.append(inner);
    }
  }

  /** A status lozenge is its title; a panel or note macro is its body; a code macro is nothing. */
  private static void macro(Element macro, StringBuilder out) {
    String name = macro.attr("ac:name").toLowerCase(Locale.ROOT);
    if (name.equals("status")) {
      for (Element p : macro.children()) {
        if (p.normalName().equals("ac:parameter") && p.attr("ac:name").equalsIgnoreCase("title")) {
          out.append(' ').append(escaped(p.text())).append(' ');
        }
      }
    } else if (!name.equals("code") && !name.equals("noformat")) {
      append(macro, out);
    }
  }

  /** A Confluence user reference names the person by user name, else by key or account id. */
  static String userName(Element user) {
    for (String attribute : new String[] {"ri:username", "ri:userkey", "ri:account-id"}) {
      if (!user.attr(attribute).isBlank()) {
        return user.attr(attribute).strip();
      }
    }
    return "unknown";
  }

  private static String handle(String displayName) {
    return displayName.strip().replaceFirst("^@", "").replaceAll("\\s+", ".").toLowerCase(Locale.ROOT);
  }

  /** HTML text is literal: characters Markdown would read as markup are escaped. */
  static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '<' || c == '|' || c == '`') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
