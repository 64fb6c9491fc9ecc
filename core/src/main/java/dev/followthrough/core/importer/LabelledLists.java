package dev.followthrough.core.importer;

import dev.followthrough.core.importer.Outline.Bullet;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Section;
import dev.followthrough.core.importer.Outline.TextLine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Documents written as one list of labelled bullets ({@code - **Resolution**:} and {@code -
 * **Review actions**:} with their content nested below): each such bullet is a section of its own.
 */
final class LabelledLists {
  private static final Pattern INLINE = Pattern.compile("^([^:]{2,60}?)\\s*:\\s+(\\S.*)$");

  /** "Impact:", "Time to repair: 1h 28m": a bullet that opens with a short label. */
  private static final Pattern LABEL_START = Pattern.compile("^\\S+(?:\\s+\\S+){0,3}:(?:\\s|$)");
  private static final int MIN_LABELS = 3;

  private LabelledLists() {}

  static Outline lift(Outline outline) {
    List<Section> sections = new ArrayList<>();
    boolean lifted = false;
    for (Section s : outline.sections()) {
      List<Node> before = new ArrayList<>();
      String heading = s.heading();
      int line = s.line();
      // Only in a list of labelled bullets is "Review actions: …" a section rather than an item.
      boolean labelled = s.nodes().stream().filter(n -> n instanceof Bullet b && LABEL_START.matcher(b.text()).find())
          .count() >= MIN_LABELS;
      for (Node n : s.nodes()) {
        Matcher inline = n instanceof Bullet b ? INLINE.matcher(b.text()) : null;
        if (inline != null && inline.matches() && labelled && namesActions(inline.group(1))) {
          // "- **Review actions**: Switch to a scoped token. (Done)": the label's text is its content.
          Bullet b = (Bullet) n;
          if (!before.isEmpty()) {
            sections.add(new Section(heading, line, List.copyOf(before)));
            before.clear();
          }
          List<Node> content = new ArrayList<>();
          content.add(new TextLine(b.line(), inline.group(2).strip(), 0));
          content.addAll(b.children());
          sections.add(new Section(inline.group(1) + ":", b.line(), content));
          heading = s.heading();
          line = s.line();
          lifted = true;
        } else if (n instanceof Bullet b && isLabel(b.text())) {
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

  /** A label naming a list of actions, whose items its text gives. */
  private static boolean namesActions(String label) {
    SectionKind kind = SectionKind.of(label);
    return kind == SectionKind.TASKS && PlainTextOutlineReader.isSectionLabel(label + ":");
  }

  /** "Resolution:", "Review actions:": a short label that names a kind of section. */
  private static boolean isLabel(String text) {
    String t = text.strip();
    return t.endsWith(":") && PlainTextOutlineReader.isSectionLabel(t);
  }
}
