package dev.followthrough.core.importer;

import dev.followthrough.core.importer.Outline.Blank;
import dev.followthrough.core.importer.Outline.Bullet;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Section;
import dev.followthrough.core.importer.Outline.TextLine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds an {@link Outline} from a plain-text document, line by line: section labels such as
 * {@code Timeline:} or a bare {@code Issue Summary}, bullets and numbered lines (nested by
 * indentation), and plain lines.
 */
final class PlainTextOutlineReader {
  private static final Pattern BULLET =
      Pattern.compile("^([-*•+·]|\\d{1,3}[.)])\\s+(?:\\[([ xX*])]\\s+)?(.*)$");
  private static final int MAX_LABEL_WORDS = 7;

  private final int lineOffset;

  PlainTextOutlineReader(int lineOffset) {
    this.lineOffset = lineOffset;
  }

  Outline read(String text) {
    String[] lines = Regex.split(text, "\\R", -1);
    boolean[] pastedTop = PastedBullets.rewrite(lines);
    String title = null;
    int titleLine = 0;
    List<Section> sections = new ArrayList<>();
    String heading = null;
    int headingLine = 0;
    List<Node> nodes = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      String raw = lines[i];
      int number = i + 1 + lineOffset;
      String line = unemphasize(raw).strip();
      if (line.isEmpty()) {
        nodes.add(new Blank(number));
        i++;
        continue;
      }
      // A pasted top-level bullet that only names a section ("•\tAction items") is its heading.
      boolean pastedLabel = pastedTop[i] && isSectionLabel(line.substring(2));
      if (pastedLabel || isSectionLabel(line)) {
        if (heading != null || hasContent(nodes)) {
          sections.add(new Section(heading, headingLine, List.copyOf(nodes)));
        }
        heading = pastedLabel ? line.substring(2) : line;
        headingLine = number;
        nodes = new ArrayList<>();
        i++;
        continue;
      }
      if (title == null && heading == null && !hasContent(nodes) && !SummaryFields.isField(line)) {
        title = Regex.replaceAll(line, "^#+\\s*", "");
        titleLine = number;
        i++;
        continue;
      }
      int indent = indentOf(raw);
      Matcher bullet = BULLET.matcher(line);
      if (bullet.matches()) {
        int end = childrenEnd(lines, i + 1, indent);
        List<Node> children = end > i + 1 ? nodesOf(lines, i + 1, end) : List.of();
        Boolean checked = bullet.group(2) == null ? null : !bullet.group(2).equals(" ");
        nodes.add(new Bullet(number, bullet.group(3).strip(), checked, children));
        i = end;
      } else {
        nodes.add(new TextLine(number, line, indent));
        i++;
      }
    }
    if (heading != null || hasContent(nodes)) {
      sections.add(new Section(heading, headingLine, List.copyOf(nodes)));
    }
    return new Outline(title, titleLine, sections);
  }

  /** Lines {@code from..end} as nodes (used for a bullet's nested lines). */
  private List<Node> nodesOf(String[] lines, int from, int end) {
    String[] part = java.util.Arrays.copyOfRange(lines, from, end);
    Outline nested = new PlainTextOutlineReader(lineOffset + from).readBody(part);
    return nested.sections().isEmpty() ? List.of() : nested.sections().get(0).nodes();
  }

  private Outline readBody(String[] lines) {
    List<Node> nodes = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      String line = unemphasize(lines[i]).strip();
      int number = i + 1 + lineOffset;
      Matcher bullet = BULLET.matcher(line);
      if (line.isEmpty()) {
        nodes.add(new Blank(number));
        i++;
      } else if (bullet.matches()) {
        int end = childrenEnd(lines, i + 1, indentOf(lines[i]));
        List<Node> children = end > i + 1 ? nodesOf(lines, i + 1, end) : List.of();
        Boolean checked = bullet.group(2) == null ? null : !bullet.group(2).equals(" ");
        nodes.add(new Bullet(number, bullet.group(3).strip(), checked, children));
        i = end;
      } else {
        nodes.add(new TextLine(number, line, indentOf(lines[i])));
        i++;
      }
    }
    return new Outline(null, 0, List.of(new Section(null, 0, nodes)));
  }

  /** The first line after {@code from} that is not indented deeper than {@code indent}. */
  private static int childrenEnd(String[] lines, int from, int indent) {
    int i = from;
    while (i < lines.length) {
      if (lines[i].isBlank()) {
        // A blank line continues the item only when deeper lines follow it.
        int next = i + 1;
        while (next < lines.length && lines[next].isBlank()) {
          next++;
        }
        if (next < lines.length && indentOf(lines[next]) > indent && indent >= 0
            && indentOf(lines[next]) > 0) {
          i = next;
          continue;
        }
        return i;
      }
      if (indentOf(lines[i]) <= indent) {
        return i;
      }
      i++;
    }
    return i;
  }

  private static boolean hasContent(List<Node> nodes) {
    return nodes.stream().anyMatch(n -> !(n instanceof Blank));
  }

  static int indentOf(String line) {
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        n++;
      } else if (c == '\t') {
        n += 4;
      } else {
        break;
      }
    }
    return n;
  }

  static String unemphasize(String line) {
    return line.replace("**", "").replace("__", "");
  }

  /**
   * Whether a lone line names a section: {@code Timeline:}, {@code Issue Summary}, {@code ##
   * Action Items}. A line with text after its colon is a field, not a label.
   */
  static boolean isSectionLabel(String line) {
    String plain = unemphasize(line);
    String t = (plain.startsWith("#") ? Regex.replaceAll(plain, "^#+\\s*", "") : plain).strip();
    if (t.isEmpty() || t.length() > 80) {
      return false;
    }
    boolean colon = t.endsWith(":") || t.endsWith("：");
    String label = colon ? t.substring(0, t.length() - 1).strip() : t;
    if (label.isEmpty() || label.contains(":") || Regex.split(label, "\\s+").length > MAX_LABEL_WORDS) {
      return false;
    }
    if (!colon && (label.endsWith(".") || label.contains(", ") || BULLET.matcher(label).matches())) {
      return false;
    }
    return SectionKind.of(colon ? t : label) != SectionKind.OTHER;
  }
}
