package dev.followthrough.core.importer;

import dev.followthrough.core.importer.Outline.Blank;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.TextLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Timelines where each time stands alone on its line and what happened follows on the lines
 * below it, blank lines included, until the next time ("5:05" / "Incident declared." / "Georgiana
 * notes …"): the time and those lines are one entry. Chat exports and notes taken during an
 * incident look like this.
 */
final class TimeAloneLines {
  /** Fewer lone times than this are a stray line, not the way the timeline is written. */
  private static final int MIN_ALONE = 3;

  private TimeAloneLines() {}

  /** The nodes with each lone time joined to the untimed lines after it; unchanged when not of the class. */
  static List<Node> merge(List<Node> nodes) {
    int alone = 0;
    for (Node n : nodes) {
      alone += n instanceof TextLine t && isAlone(t.text()) ? 1 : 0;
    }
    if (alone < MIN_ALONE) {
      return nodes;
    }
    List<Node> out = new ArrayList<>();
    TextLine open = null;
    List<Node> blanks = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof TextLine t && isAlone(t.text())) {
        open = flush(out, open, blanks);
        open = t;
      } else if (open != null && n instanceof Blank) {
        blanks.add(n);
      } else if (open != null && n instanceof TextLine t && Leading.of(t.text()).isEmpty()
          && TimelineContext.of(t.text()).isEmpty()) {
        open = new TextLine(open.line(), open.text() + " " + t.text(), open.indent());
        blanks.clear();
      } else {
        open = flush(out, open, blanks);
        out.add(n);
      }
    }
    flush(out, open, blanks);
    return out;
  }

  private static TextLine flush(List<Node> out, TextLine open, List<Node> blanks) {
    if (open != null) {
      out.add(open);
    }
    out.addAll(blanks);
    blanks.clear();
    return null;
  }

  /** "5:05", "10:23 AM", "July 23 4:10 AM": a time (and date) with nothing after it. */
  static boolean isAlone(String text) {
    var leading = Leading.of(text);
    return leading.isPresent() && Regex.replaceAll(leading.get().rest(), "[\\s*_:.~-]", "").isEmpty();
  }
}
