package dev.followthrough.core.importer;

import dev.followthrough.core.importer.ItemReader.Entry;
import dev.followthrough.core.importer.Outline.Bullet;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Section;
import dev.followthrough.core.importer.Outline.Table;
import dev.followthrough.core.importer.Outline.TextLine;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Measure;
import dev.followthrough.core.model.MeasureKind;
import dev.followthrough.core.model.TicketLink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures from the measures sections, and action items from the tasks sections, from task lists
 * and action tables anywhere, or, when a document has no tasks, from its measures.
 */
final class ItemAssembler {
  /** A measure with the entry it was read from, whose owner, dates and status an item may take. */
  record MeasureEntry(Measure measure, Entry entry) {}

  private final List<Diagnostic> diagnostics;

  ItemAssembler(List<Diagnostic> diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * One measure per entry, or per group: a heading over several lines ("Monitoring Enhancements:")
   * is one measure, and its lines are the items that serve it.
   */
  List<MeasureEntry> measures(Map<SectionKind, List<Section>> byKind) {
    List<MeasureEntry> measures = new ArrayList<>();
    for (SectionKind kind : List.of(SectionKind.CORRECTIVE, SectionKind.PREVENTIVE, SectionKind.MEASURES)) {
      for (Section s : byKind.getOrDefault(kind, List.of())) {
        Measure group = null;
        int groupIndex = -1;
        for (Entry read : new ItemReader(diagnostics).read(s.nodes())) {
          Entry e = carriedOut(s.heading()) ? read.doneUnlessStated() : read;
          if (e.group() != null && group != null && e.group().equals(group.title())) {
            group = new Measure(group.id(), group.kind(), group.category(), group.title(),
                group.description() + "\n" + e.title());
            measures.set(groupIndex, new MeasureEntry(group, measures.get(groupIndex).entry()));
            measures.add(new MeasureEntry(null, e));
            continue;
          }
          String title = e.group() != null ? e.group() : e.title();
          String description = e.group() != null ? e.title() : e.description();
          String text = title + (description == null ? "" : " " + description);
          MeasureKind measureKind = e.kind() != null ? e.kind()
              : kind == SectionKind.CORRECTIVE ? MeasureKind.CORRECTIVE
              : kind == SectionKind.PREVENTIVE ? MeasureKind.PREVENTIVE
              // A named measure ("Documentation and Training: …") is judged by its name.
              : Wording.measureKind(description != null ? title : text);
          Measure m = new Measure("m" + (measures.stream().filter(me -> me.measure() != null).count() + 1),
              measureKind, Wording.category(text), title, description);
          group = e.group() != null ? m : null;
          groupIndex = measures.size();
          measures.add(new MeasureEntry(m, e));
        }
      }
    }
    // Entries of a group serve the group's measure.
    List<MeasureEntry> resolved = new ArrayList<>();
    Measure current = null;
    for (MeasureEntry me : measures) {
      current = me.measure() != null ? me.measure() : current;
      resolved.add(new MeasureEntry(current, me.entry()));
    }
    return resolved;
  }

  /** The distinct measures, in order. */
  static List<Measure> distinct(List<MeasureEntry> entries) {
    List<Measure> out = new ArrayList<>();
    for (MeasureEntry me : entries) {
      if (out.isEmpty() || !out.get(out.size() - 1).id().equals(me.measure().id())) {
        out.add(me.measure());
      }
    }
    return out;
  }

  List<ActionItem> items(List<Section> sections, List<MeasureEntry> measureEntries, String defaultOwner) {
    List<Measure> measures = distinct(measureEntries);
    List<Entry> entries = new ArrayList<>();
    List<Measure> served = new ArrayList<>();
    for (Section s : sections) {
      if (s.heading() != null && SectionKind.of(s.heading()) == SectionKind.TASKS) {
        boolean done = carriedOut(s.heading());
        new ItemReader(diagnostics).read(s.nodes()).forEach(e -> entries.add(done ? e.doneUnlessStated() : e));
      }
    }
    // Action-item tables and task lists count wherever they stand.
    for (Section s : sections) {
      SectionKind kind = s.heading() == null ? SectionKind.SUMMARY : SectionKind.of(s.heading());
      if (kind == SectionKind.TASKS || kind == SectionKind.TIMELINE || kind.isMeasures()) {
        continue;
      }
      if (kind == SectionKind.OTHER && promisesOnly(s.nodes())) {
        // "The lessons we take away are as follows:" over a list of "We need to …" bullets: actions.
        diagnostics.add(Diagnostic.info(s.line(), "a list whose every entry promises work read as action items"));
        entries.addAll(new ItemReader(diagnostics).read(s.nodes().stream().filter(n -> n instanceof Bullet).toList()));
        continue;
      }
      for (int i = 0; i < s.nodes().size(); i++) {
        Node n = s.nodes().get(i);
        if (n instanceof Table t && TableReader.isActionTable(t)) {
          entries.addAll(new TableReader(diagnostics).items(t));
        } else if (n instanceof TextLine t && StatusLabels.namesAction(t.text())) {
          // "Action planned: We will add alerting." under a finding says what it is wherever it stands.
          boolean done = reportedDone(s.nodes(), i);
          new ItemReader(diagnostics).read(List.of(n)).forEach(e -> entries.add(done ? e.doneUnlessStated() : e));
        } else if (n instanceof Bullet b && b.checked() != null) {
          entries.addAll(new ItemReader(diagnostics).read(List.of(b)));
        }
      }
    }
    if (entries.isEmpty() && measureEntries.isEmpty()) {
      entries.addAll(promisesInResolution(sections));
    }
    if (entries.isEmpty() && measureEntries.isEmpty()) {
      entries.addAll(new LessonItems(diagnostics).read(sections));
    }
    while (served.size() < entries.size()) {
      served.add(null);
    }
    // Task lists and action tables in a measures section are tasks too, each serving its measure.
    boolean onlyMeasures = entries.isEmpty();
    for (MeasureEntry me : measureEntries) {
      if (me.entry().task() || onlyMeasures) {
        entries.add(me.entry());
        served.add(me.measure());
      }
    }
    if (onlyMeasures && !measureEntries.isEmpty() && measureEntries.stream().noneMatch(me -> me.entry().task())) {
      diagnostics.add(Diagnostic.info(0, "no tasks section; each measure becomes an action item"));
    }
    List<ActionItem> items = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    // Each measure's words, found once rather than once per item.
    List<List<String>> measureWords = measures.stream()
        .map(m -> Wording.significantWords(m.title() + " " + (m.description() == null ? "" : m.description()))).toList();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.title() == null || e.title().isBlank()) {
        diagnostics.add(Diagnostic.warning(e.line(), "an item without a title was skipped"));
        continue;
      }
      Measure measure = served.get(i) != null ? served.get(i) : bestMeasure(e, measures, measureWords);
      String text = e.title() + (e.description() == null ? "" : " " + e.description());
      String type = e.type() != null ? e.type()
          : e.kind() == MeasureKind.CORRECTIVE ? "mitigate"
          : Wording.itemType(text, measure == null ? null : measure.category());
      String id = uniqueId(Slugs.of(e.title(), 48), ids);
      List<TicketLink> tickets = e.tickets();
      items.add(new ActionItem(id, e.title(), e.description(), e.owner() != null ? e.owner() : defaultOwner,
          e.due(), e.priority(), e.status() == null ? ItemStatus.OPEN : e.status(), type,
          measure == null ? null : measure.id(), tickets, List.of(), false, e.verification(), null,
          e.line() > 0 ? e.line() : null));
    }
    return items;
  }

  /** Whether the paragraph or bullet after the one at {@code i} says "This has been done." */
  private static boolean reportedDone(List<Node> nodes, int i) {
    int next = i + 1 < nodes.size() && nodes.get(i + 1) instanceof Outline.Blank ? i + 2 : i + 1;
    Node after = next < nodes.size() ? nodes.get(next) : null;
    return after instanceof TextLine t && StatusLabels.reportsDone(t.text())
        || after instanceof Bullet b && StatusLabels.reportsDone(b.text());
  }

  /** Whether a section's list has two or more entries and each one promises work. */
  private static boolean promisesOnly(List<Node> nodes) {
    List<Bullet> bullets = nodes.stream().filter(n -> n instanceof Bullet).map(Bullet.class::cast).toList();
    return bullets.size() >= 2 && bullets.stream().allMatch(b -> b.checked() == null && Commitments.isCommitment(b.text()));
  }

  /**
   * Without any action section, the work a document promises is in its resolution's paragraphs
   * ("All secrets are being rotated."), if anywhere.
   */
  private List<Entry> promisesInResolution(List<Section> sections) {
    ProseItems prose = new ProseItems(diagnostics, new EntryMaker(diagnostics));
    List<Entry> found = new ArrayList<>();
    for (Section s : sections) {
      if (s.heading() != null && SectionKind.of(s.heading()) == SectionKind.RESOLUTION) {
        found.addAll(prose.read(s.nodes()));
      }
    }
    if (!found.isEmpty()) {
      diagnostics.add(Diagnostic.info(found.get(0).line(), "no action section; promises in the resolution read as items"));
    }
    return found;
  }

  /** The measure that shares the most meaningful words with the task, if it shares enough. */
  private static Measure bestMeasure(Entry e, List<Measure> measures, List<List<String>> measureWords) {
    List<String> words = Wording.significantWords(e.title() + " " + (e.description() == null ? "" : e.description()));
    Measure best = null;
    double bestScore = 0;
    for (int k = 0; k < measures.size(); k++) {
      Measure m = measures.get(k);
      List<String> other = measureWords.get(k);
      long shared = words.stream().filter(other::contains).count();
      double score = shared / (double) Math.max(1, Math.min(words.size(), other.size()));
      if (shared >= 2 && score > bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return bestScore >= 0.3 ? best : null;
  }

  private static String uniqueId(String base, Set<String> ids) {
    String id = base.isEmpty() ? "item" : base;
    String candidate = id;
    for (int n = 2; !ids.add(candidate); n++) {
      candidate = id + "-" + n;
    }
    return candidate;
  }

  /** "Immediate fixes:", "Immediate Actions Taken": a heading over work carried out during the incident. */
  static boolean carriedOut(String heading) {
    if (heading == null) {
      return false;
    }
    String g = SectionKind.normalize(heading);
    return g.startsWith("immediate fix") || g.contains("actions taken") || g.startsWith("immediate actions taken")
        || g.equals("what we did") || g.startsWith("mitigations applied") || g.equals("completed");
  }
}
