package dev.followthrough.core.importer;

import dev.followthrough.core.importer.ItemReader.Entry;
import dev.followthrough.core.importer.Outline.Blank;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.SubHeading;
import dev.followthrough.core.importer.Outline.TextLine;
import dev.followthrough.core.model.ItemStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Items written as headings with a paragraph under each ({@code #### 1) Alerts configured `@dma`}
 * followed by "Alerts added for disks over 90 %."): the heading names the item, the paragraph
 * describes it, and a paragraph that reports the work carried out makes it done. A heading over a
 * list stays a group heading: its list holds the items.
 */
final class HeadingItems {
  private static final Pattern NUMBERING = Pattern.compile("^(?:\\d{1,2}|[a-z]|[ivx]{1,4})[.)]\\s+");

  private static final Pattern NOTHING = Pattern.compile("(?i)(?:none|n/?a|nothing|tbd|-+)\\.?");

  private HeadingItems() {}

  /** Whether the sub-heading at {@code i} has only paragraphs under it, up to the next sub-heading. */
  static boolean headsParagraphs(List<Node> nodes, int i) {
    boolean text = false;
    for (int j = i + 1; j < nodes.size() && !(nodes.get(j) instanceof SubHeading); j++) {
      if (!(nodes.get(j) instanceof TextLine) && !(nodes.get(j) instanceof Blank)) {
        return false;
      }
      text |= nodes.get(j) instanceof TextLine;
    }
    return text;
  }

  /** Adds the item the sub-heading at {@code i} names; returns the index of the last node it consumed. */
  static int read(List<Node> nodes, int i, EntryMaker maker, List<Entry> entries) {
    SubHeading heading = (SubHeading) nodes.get(i);
    List<String> paragraphs = new ArrayList<>();
    int j = i + 1;
    for (; j < nodes.size() && !(nodes.get(j) instanceof SubHeading); j++) {
      if (nodes.get(j) instanceof TextLine t) {
        paragraphs.add(t.text());
      }
    }
    if (paragraphs.stream().allMatch(p -> NOTHING.matcher(p.strip()).matches())) {
      // "Documentation improvements" over "None.": a template's heading left empty, no item.
      return j - 1;
    }
    String title = NUMBERING.matcher(heading.text().strip()).replaceFirst("");
    var label = StatusLabels.of(title);
    ItemStatus status = label.map(StatusLabels.Labelled::status).orElse(null);
    title = label.map(StatusLabels.Labelled::text).orElse(title);
    int before = entries.size();
    maker.add(entries, heading.line(), title, paragraphs, null);
    if (entries.size() > before) {
      Entry e = entries.get(before);
      // "Reduced the number of processes from 16 to 12." under the heading reports the work done.
      List<String> first = paragraphs.isEmpty() ? List.of() : Commitments.sentences(paragraphs.get(0));
      boolean reported = status == null && e.status() == null && !first.isEmpty() && PastTense.isDone(first.get(0));
      entries.set(before, reported || status == ItemStatus.DONE ? e.doneUnlessStated() : e);
    }
    return j - 1;
  }
}
