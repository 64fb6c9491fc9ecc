package dev.followthrough.core.importer;

import dev.followthrough.core.importer.Outline.Bullet;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Row;
import dev.followthrough.core.importer.Outline.Section;
import dev.followthrough.core.importer.Outline.SubHeading;
import dev.followthrough.core.importer.Outline.Table;
import dev.followthrough.core.importer.Outline.TextLine;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TimelineEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code --explain} adds: for every line the importer took, which rule took it (the kind of
 * line and the section it stood in), and for every line that looked like an action or a time but
 * was taken by no rule, that it was not, so a reader checks an import against the document.
 */
final class Explanations {
  private final Map<Integer, List<String>> taken = new HashMap<>();
  private final List<Diagnostic> out = new ArrayList<>();

  private Explanations(Postmortem postmortem) {
    for (ActionItem item : postmortem.actionItems()) {
      if (item.line() != null) {
        taken.computeIfAbsent(item.line(), l -> new ArrayList<>()).add("action item '" + item.title() + "'");
      }
    }
    for (TimelineEntry entry : postmortem.timeline()) {
      if (entry.line() != null) {
        taken.computeIfAbsent(entry.line(), l -> new ArrayList<>()).add("timeline entry "
            + (entry.at() == null ? "without a time" : "at " + entry.at()) + " (" + entry.kind() + ")");
      }
    }
  }

  /** The INFO diagnostics that explain how {@code outline} became {@code postmortem}. */
  static List<Diagnostic> of(Outline outline, Postmortem postmortem) {
    Explanations explanations = new Explanations(postmortem);
    for (Section section : outline.sections()) {
      String where = section.heading() == null ? "before the first heading"
          : "under '" + SectionText.cleanHeading(section.heading()) + "' (read as "
              + (section.heading() == null ? SectionKind.SUMMARY : SectionKind.of(section.heading())).name()
                  .toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
      explanations.nodes(section.nodes(), where);
    }
    // Lines a rule took outside the outline's nodes (a title, a field): still said, without a shape.
    explanations.taken.forEach((line, what) -> what.forEach(w ->
        explanations.out.add(Diagnostic.info(line, "explain: " + w + " taken from this line"))));
    return explanations.out;
  }

  private void nodes(List<Node> nodes, String where) {
    for (Node node : nodes) {
      if (node instanceof Bullet b) {
        explain(b.line(), b.checked() != null ? "task-list item" : "list item", b.text(), b.checked() != null, where);
        nodes(b.children(), where);
      } else if (node instanceof TextLine t) {
        explain(t.line(), "line", t.text(), false, where);
      } else if (node instanceof SubHeading h) {
        explain(h.line(), "sub-heading", h.text(), false, where);
      } else if (node instanceof Table table) {
        for (Row row : table.rows()) {
          explain(row.line(), "table row", String.join(" ", row.cells()), false, where);
        }
      }
    }
  }

  private void explain(int line, String shape, String text, boolean taskBox, String where) {
    List<String> what = taken.remove(line);
    if (what != null) {
      for (String w : what) {
        out.add(Diagnostic.info(line, "explain: " + w + " taken from a " + shape + " " + where));
      }
      return;
    }
    String first = firstCell(text);
    if (taskBox || ActionVerbs.startsWithVerb(first)) {
      out.add(Diagnostic.info(line, "explain: " + shape + " " + where + " looks like an action but was not taken"));
    } else if (Leading.of(first).isPresent()) {
      out.add(Diagnostic.info(line, "explain: " + shape + " " + where + " starts with a time but was not taken"));
    }
  }

  private static String firstCell(String text) {
    return text.length() > Times.SCAN_LIMIT ? text.substring(0, Times.SCAN_LIMIT) : text;
  }
}
