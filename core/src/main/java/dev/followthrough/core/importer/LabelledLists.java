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
      boolean labelled = s.nodes().stream().filter(n -> n instanceof Bullet b && startsWithLabel(b.text()))
          .count() >= MIN_LABELS;
      for (Node n : s.nodes()) {
        Matcher inline = labelled && n instanceof Bullet b ? INLINE.matcher(b.text()) : null;
        if (inline != null && inline.matches() && namesActions(inline.group(1))) {
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

  /**
   * "Impact:", "Time to repair: 1h 28m": whether the text opens with a short label, as
   * {@code ^\\S+(?:\\s+\\S+){0,3}:(?:\\s|$)} would find, read in one pass over the first words.
   */
  static boolean startsWithLabel(String text) {
    int n = text.length();
    if (n == 0 || LeadingScan.isBlank(text.charAt(0))) {
      return false;
    }
    int gaps = 0;
    for (int k = 1; k < n && gaps <= 3; k++) {
      char c = text.charAt(k);
      boolean afterWord = !LeadingScan.isBlank(text.charAt(k - 1));
      if (LeadingScan.isBlank(c)) {
        gaps += afterWord ? 1 : 0;
      } else if (c == ':' && afterWord && endsLabel(text, k + 1)) {
        return true;
      }
    }
    return false;
  }

  /** A blank, or the end of the text ({@code $} also allows a last line break after it). */
  private static boolean endsLabel(String text, int i) {
    int n = text.length();
    return i == n || LeadingScan.isBlank(text.charAt(i))
        || i == n - 1 && "\u0085\u2028\u2029".indexOf(text.charAt(i)) >= 0;
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
