package dev.followthrough.core.importer;

import dev.followthrough.core.importer.Outline.Bullet;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents written as one list of labelled bullets ({@code - **Resolution**:} and {@code -
 * **Review actions**:} with their content nested below): each such bullet is a section of its own.
 */
final class LabelledLists {
  private LabelledLists() {}

  static Outline lift(Outline outline) {
    List<Section> sections = new ArrayList<>();
    boolean lifted = false;
    for (Section s : outline.sections()) {
      List<Node> before = new ArrayList<>();
      String heading = s.heading();
      int line = s.line();
      for (Node n : s.nodes()) {
        if (n instanceof Bullet b && isLabel(b.text())) {
          if (!before.isEmpty()) {
            sections.add(new Section(heading, line, List.copyOf(before)));
            before.clear();
          }
          if (b.children().isEmpty()) {
            // "- **Review actions**:" with its list below it rather than nested: a heading.
            heading = b.text();
            line = b.line();
          } else {
            sections.add(new Section(b.text(), b.line(), b.children()));
            heading = s.heading();
            line = s.line();
          }
          lifted = true;
        } else {
          before.add(n);
        }
      }
      if (!before.isEmpty() || s.nodes().isEmpty()) {
        sections.add(new Section(heading, line, List.copyOf(before)));
      }
    }
    return lifted ? new Outline(outline.title(), outline.titleLine(), sections) : outline;
  }

  /** "Resolution:", "Review actions:": a short label that names a kind of section. */
  private static boolean isLabel(String text) {
    String t = text.strip();
    return t.endsWith(":") && PlainTextOutlineReader.isSectionLabel(t);
  }
}
