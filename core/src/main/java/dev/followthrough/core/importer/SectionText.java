package dev.followthrough.core.importer;

import dev.followthrough.core.importer.Outline.Blank;
import dev.followthrough.core.importer.Outline.Bullet;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Section;
import dev.followthrough.core.importer.Outline.SubHeading;
import dev.followthrough.core.importer.Outline.Table;
import dev.followthrough.core.importer.Outline.TextLine;
import dev.followthrough.core.importer.SummaryFields.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The text of sections, and the summary fields ({@code Impact: …}) written in them. */
final class SectionText {
  private SectionText() {}

  /** Section text: lines of a paragraph joined by spaces, paragraphs and bullets by new lines. */
  static String text(List<Node> nodes) {
    StringBuilder out = new StringBuilder();
    boolean inParagraph = false;
    for (Node node : nodes) {
      if (node instanceof TextLine t) {
        out.append(inParagraph ? " " : out.length() > 0 ? "\n" : "").append(t.text());
        inParagraph = true;
      } else if (node instanceof SubHeading h) {
        out.append(out.length() > 0 ? "\n" : "").append(h.text());
        inParagraph = false;
      } else if (node instanceof Bullet b) {
        out.append(out.length() > 0 ? "\n" : "").append("- ").append(b.text());
        String children = text(b.children());
        if (!children.isBlank()) {
          out.append("\n  ").append(children.replace("\n", "\n  "));
        }
        inParagraph = false;
      } else if (node instanceof Blank) {
        if (inParagraph) {
          out.append('\n');
        }
        inParagraph = false;
      } else if (node instanceof Table table) {
        for (var row : table.rows()) {
          out.append(out.length() > 0 ? "\n" : "").append("- ").append(String.join(" | ", row.cells()));
        }
        inParagraph = false;
      }
    }
    return Regex.replaceAll(out.toString(), "\n{3,}", "\n\n").strip();
  }

  /** The text of every section of a kind, without its summary fields when {@code skipFields}. */
  static String of(Map<SectionKind, List<Section>> byKind, SectionKind kind, boolean skipFields) {
    StringBuilder all = new StringBuilder();
    for (Section s : byKind.getOrDefault(kind, List.of())) {
      List<Node> nodes = s.nodes();
      if (skipFields) {
        nodes = nodes.stream().filter(n -> !(n instanceof TextLine t && SummaryFields.isField(t.text()))
            && !(n instanceof Bullet b && SummaryFields.isField(b.text()))).toList();
      }
      String text = text(nodes);
      if (!text.isBlank()) {
        all.append(all.length() > 0 ? "\n\n" : "").append(text);
      }
    }
    String t = all.toString().strip();
    return t.isEmpty() ? null : t;
  }

  /** The first value of each summary field in the nodes, with its line. */
  static void collectFields(List<Node> nodes, Map<Field, String> fields, Map<Field, Integer> lines) {
    for (Node node : nodes) {
      String text = node instanceof TextLine t ? t.text() : node instanceof Bullet b ? b.text() : null;
      if (text == null) {
        continue;
      }
      SummaryFields.parse(text).ifPresent(v -> {
        if (!fields.containsKey(v.field())) {
          fields.put(v.field(), v.text());
          lines.put(v.field(), node.line());
        }
      });
      if (node instanceof Bullet b) {
        collectFields(b.children(), fields, lines);
      }
    }
  }

  /**
   * A heading that is itself a summary field ("## Date: December 08, 2022", "## Time: 5:13:57
   * UTC", as reports with no metadata block write them) is read as that field.
   */
  static void headingField(Outline.Section section, Map<Field, String> fields, Map<Field, Integer> lines) {
    Optional<SummaryFields.Value> v = section.heading() == null ? Optional.empty() : SummaryFields.parse(section.heading());
    if (v.isPresent() && !fields.containsKey(v.get().field())) {
      fields.put(v.get().field(), v.get().text());
      lines.put(v.get().field(), section.line());
    }
  }

  static String cleanHeading(String heading) {
    return Regex.replaceAll(Regex.replaceAll(heading, "^#+\\s*", "").replace("*", ""), "[:：]\\s*$", "").strip();
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
