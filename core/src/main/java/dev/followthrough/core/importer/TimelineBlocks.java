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

  private TimelineBlocks() {}

  /** The labelled timed lists in the sections, each as a section of its own. */
  static List<Section> find(List<Section> sections) {
    List<Section> found = new ArrayList<>();
    for (Section s : sections) {
      for (Node n : s.nodes()) {
        if (n instanceof Bullet b && isTimeline(b.children())) {
          found.add(new Section(b.text(), b.line(), b.children()));
        }
      }
    }
    return found;
  }

  private static boolean isTimeline(List<Node> children) {
    int bullets = 0;
    int timed = 0;
    for (Node n : children) {
      if (n instanceof Bullet b) {
        bullets++;
        timed += Leading.of(b.text()).isPresent() ? 1 : 0;
      }
    }
    return bullets >= MIN_ENTRIES && timed >= MIN_TIMED * bullets;
  }
}
