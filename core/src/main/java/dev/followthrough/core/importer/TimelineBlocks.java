package dev.followthrough.core.importer;

import dev.followthrough.core.importer.Outline.Bullet;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * Timelines written as a labelled list rather than under a Timeline heading ({@code - **Context**:}
 * with timed sub-bullets): a list whose items mostly start with a time is a timeline, whatever
 * its label says.
 */
final class TimelineBlocks {
  private static final int MIN_ENTRIES = 3;
  private static final double MIN_TIMED = 0.8;
  private static final double MIN_SHARE = 0.5;
  private static final java.util.regex.Pattern RECORD =
      java.util.regex.Pattern.compile("(?i)\\b(?:appendix|chat|transcript|slack|irc|log|logs)\\b");

  private TimelineBlocks() {}

  /**
   * The timed lists in the sections, each as a section of its own: a labelled bullet's timed
   * children, or a run of timed lines and bullets (with the notes between them).
   */
  static List<Section> find(List<Section> sections) {
    List<Section> found = new ArrayList<>();
    for (Section s : sections) {
      if (s.heading() != null && RECORD.matcher(s.heading()).find()) {
        // A chat log or transcript is a record kept beside the postmortem, not its timeline.
        continue;
      }
      for (Node n : s.nodes()) {
        if (n instanceof Bullet b && isTimeline(b.children())) {
          found.add(new Section(b.text(), b.line(), b.children()));
        }
      }
      if (found.isEmpty()) {
        run(s).ifPresent(found::add);
      }
    }
    return found;
  }

  private static java.util.Optional<Section> run(Section s) {
    List<Node> nodes = s.nodes();
    int first = -1;
    int last = -1;
    int timed = 0;
    for (int i = 0; i < nodes.size(); i++) {
      if (timed(nodes.get(i))) {
        first = first < 0 ? i : first;
        last = i;
        timed++;
      }
    }
    if (timed < MIN_ENTRIES) {
      return java.util.Optional.empty();
    }
    long candidates = nodes.subList(first, last + 1).stream()
        .filter(n -> n instanceof Bullet || n instanceof Outline.TextLine).count();
    return timed >= MIN_SHARE * candidates
        ? java.util.Optional.of(new Section(s.heading(), nodes.get(first).line(), nodes.subList(first, last + 1)))
        : java.util.Optional.empty();
  }

  private static boolean timed(Node n) {
    String text = n instanceof Bullet b ? b.text() : n instanceof Outline.TextLine t ? t.text() : null;
    return text != null && Leading.of(text).isPresent();
  }

  private static boolean isTimeline(List<Node> children) {
    int bullets = 0;
    int timed = 0;
    for (Node n : children) {
      if (n instanceof Bullet b) {
        bullets++;
        timed += timed(b) ? 1 : 0;
      }
    }
    return bullets >= MIN_ENTRIES && timed >= MIN_TIMED * bullets;
  }

  /**
   * A timeline indented four spaces, which Markdown reads as a code block: each line is an entry's
   * line, as if it had not been indented.
   */
  static List<Outline.Node> indentedLines(String literal, int firstLine) {
    List<Outline.Node> lines = new java.util.ArrayList<>();
    String[] written = literal.split("\n");
    for (int i = 0; i < written.length; i++) {
      if (!written[i].isBlank()) {
        lines.add(new Outline.TextLine(firstLine + i, written[i].strip(), 0));
      }
    }
    lines.add(new Outline.Blank(firstLine));
    return lines;
  }
}
