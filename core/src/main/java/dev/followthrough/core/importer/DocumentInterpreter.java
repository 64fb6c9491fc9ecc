package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.SectionText.firstNonBlank;

import dev.followthrough.core.DocumentException;
import dev.followthrough.core.ValidationException;
import dev.followthrough.core.importer.ItemAssembler.MeasureEntry;
import dev.followthrough.core.importer.Outline.Bullet;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Section;
import dev.followthrough.core.importer.Outline.SubHeading;
import dev.followthrough.core.importer.Outline.Table;
import dev.followthrough.core.importer.Outline.TextLine;
import dev.followthrough.core.importer.SummaryFields.Field;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.Measure;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Source;
import dev.followthrough.core.model.TimelineEntry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns an {@link Outline} (and front matter) into a {@link Postmortem} as the document wrote it. */
final class DocumentInterpreter {
  private static final Pattern GENERIC_TITLE =
      Pattern.compile("(?i)^(?:0x[0-9a-f]+\\.?\\s*)?(?:(?:issue|incident)\\s+)?(?:post-?mortem|report|incident)"
          + "(?:\\s+report)?(?:\\s+\\d{4}-\\d{2}-\\d{2})?\\s*(?:[:\\-–—]\\s*|$)");

  private final String file;
  private final List<Diagnostic> diagnostics;

  DocumentInterpreter(String file, List<Diagnostic> diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  Postmortem interpret(Outline written, FrontMatter front, Source source) {
    Outline outline = LabelledLists.lift(written);
    Map<Field, String> fields = new EnumMap<>(Field.class);
    Map<Field, Integer> fieldLines = new EnumMap<>(Field.class);
    Map<SectionKind, List<Section>> byKind = new EnumMap<>(SectionKind.class);
    Map<String, String> freeText = new LinkedHashMap<>();
    for (Section section : outline.sections()) {
      SectionKind kind = section.heading() == null ? SectionKind.SUMMARY : SectionKind.of(section.heading());
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(section);
      reportImpossibleDates(section.nodes());
      SectionText.headingField(section, fields, fieldLines);
      if (kind == SectionKind.SUMMARY || kind == SectionKind.IMPACT || kind == SectionKind.ROOT_CAUSE
          || kind == SectionKind.RESOLUTION || kind == SectionKind.OTHER) {
        SectionText.collectFields(section.nodes(), fields, fieldLines);
      }
      if (section.heading() != null && (kind == SectionKind.LESSONS || kind == SectionKind.MISLEADING
          || kind == SectionKind.ESCALATION || kind == SectionKind.CONCLUSION || kind == SectionKind.OTHER)) {
        keepFreeText(section, kind, freeText);
      }
    }
    if (!byKind.containsKey(SectionKind.TIMELINE)) {
      List<Section> blocks = TimelineBlocks.find(outline.sections());
      if (!blocks.isEmpty()) {
        byKind.put(SectionKind.TIMELINE, blocks);
        diagnostics.add(Diagnostic.info(blocks.get(0).line(), "list of timed entries read as the timeline"));
      }
    }
    boolean structured = byKind.keySet().stream().anyMatch(k -> k != SectionKind.OTHER && k != SectionKind.SUMMARY)
        || byKind.getOrDefault(SectionKind.SUMMARY, List.of()).stream().anyMatch(s -> s.heading() != null)
        || !fields.isEmpty()
        || (front.fields() != null && front.text("title") != null)
        || outline.sections().stream().anyMatch(s -> s.heading() != null || hasTaskList(s.nodes()));
    if (!structured) {
      throw new DocumentException(file, 0,
          "no postmortem structure found: expected sections such as Summary, Timeline, Root Cause or Action Items");
    }

    String title = firstNonBlank(front.text("title"), fields.get(Field.TITLE), outline.title());
    if (title == null && !fileTitle().isBlank()) {
      title = fileTitle();
      diagnostics.add(Diagnostic.warning(0, "no title found; using the file name"));
    } else if (title == null) {
      // A postmortem must have a title: a file named "__.md" gives none, and that costs no document.
      title = "Untitled postmortem";
      diagnostics.add(Diagnostic.warning(0, "no title found, and the file name has no words; titled 'Untitled postmortem'"));
    }
    String severity = firstNonBlank(front.text("severity"), fields.get(Field.SEVERITY));
    IncidentReader incidentReader = new IncidentReader(diagnostics, fields, fieldLines, byKind);
    IncidentSummary incident = incidentReader.read(front, Dates.titleDate(title).orElse(null));
    ZoneId zone = incidentReader.zone();
    LocalDate day = incident.start() != null ? LocalDate.ofInstant(incident.start(), zone) : incident.date();
    if (day == null && Dates.titleDate(title).isPresent()) {
      // "# 2017-09-27, Hub 403": the title's date is the day of a timeline that gives only times.
      day = Dates.titleDate(title).get();
      diagnostics.add(Diagnostic.info(outline.titleLine(), "timeline dated from the title"));
    }

    List<TimelineEntry> timeline = new ArrayList<>();
    TimelineReader timelineReader = new TimelineReader(diagnostics, day, zone);
    for (Section s : byKind.getOrDefault(SectionKind.TIMELINE, List.of())) {
      try {
        timeline.addAll(timelineReader.read(s.heading(), TimeAloneLines.merge(s.nodes())));
      } catch (ValidationException e) {
        // A rule that built an invalid value must not cost the reader the rest of the document.
        diagnostics.add(Diagnostic.warning(s.line(), "timeline section not read: " + e.getMessage()));
      }
    }
    Long told = Times.proseDurationMinutes(incidentReader.summaryText())
        .or(() -> Times.proseDurationMinutes(timelineReader.preamble())).orElse(null);
    if (!incidentReader.startImpossible()) {
      // A start stated on a date that does not exist stays unknown rather than taken from another day.
      incident = IncidentTimes.fill(incident, timeline, timelineReader.lines(), timelineReader.details(),
          diagnostics, told);
    }
    if (incident.start() != null && incident.end() == null) {
      incident = withToldEnd(incident, incidentReader.summaryText() + "\n" + SectionText.of(byKind, SectionKind.RESOLUTION, true),
          zone);
    }

    ItemAssembler assembler = new ItemAssembler(diagnostics);
    List<MeasureEntry> measureEntries = List.of();
    List<Measure> measures = List.of();
    List<ActionItem> items = List.of();
    try {
      measureEntries = assembler.measures(byKind);
      measures = ItemAssembler.distinct(measureEntries);
      items = assembler.items(outline.sections(), measureEntries, front.text("owner"));
    } catch (ValidationException e) {
      diagnostics.add(Diagnostic.warning(0, "measures and action items not read: " + e.getMessage()));
    }
    if (items.isEmpty()) {
      diagnostics.add(Diagnostic.warning(0, "no action items found"));
    }
    String id = postmortemId(front.text("id"), title, incident.date());
    diagnostics.sort(Comparator.comparingInt(Diagnostic::line));
    return new Postmortem(id, title, severity, incident, timeline, measures, items, freeText, source);
  }

  /** Whether a list holds a task box ("- [ ] …"): a list of actions, whatever its heading. */
  private static boolean hasTaskList(List<Node> nodes) {
    for (Node node : nodes) {
      if (node instanceof Bullet b && (b.checked() != null || hasTaskList(b.children()))) {
        return true;
      }
    }
    return false;
  }

  /** The end a summary or resolution tells in a sentence, when nothing else gave one. */
  private IncidentSummary withToldEnd(IncidentSummary incident, String prose, ZoneId zone) {
    var end = IncidentTimes.toldEnd(prose, LocalDate.ofInstant(incident.start(), zone), zone);
    if (end == null || !end.isAfter(incident.start())) {
      return incident;
    }
    diagnostics.add(Diagnostic.info(0, "incident end taken from a sentence that tells it"));
    return new IncidentSummary(incident.date(), incident.start(), end, null, incident.summary(), incident.impact(),
        incident.impactPercent(), incident.rootCause(), incident.resolution());
  }

  private void keepFreeText(Section section, SectionKind kind, Map<String, String> freeText) {
    String text = SectionText.text(section.nodes());
    if (!text.isBlank()) {
      freeText.merge(SectionKind.normalize(section.heading()).isEmpty() ? section.heading()
          : SectionText.cleanHeading(section.heading()), text, (a, b) -> a + "\n\n" + b);
    }
    if (kind == SectionKind.OTHER) {
      diagnostics.add(Diagnostic.info(section.line(),
          "section '" + SectionText.cleanHeading(section.heading()) + "' kept as free text"));
    }
  }

  /** "February 30, 2024" is reported where it stands, never read as another day. */
  private void reportImpossibleDates(List<Node> nodes) {
    for (Node node : nodes) {
      List<String> texts = node instanceof TextLine t ? List.of(t.text())
          : node instanceof SubHeading h ? List.of(h.text())
          : node instanceof Bullet b ? List.of(b.text())
          : node instanceof Table table ? table.rows().stream().map(r -> String.join(" ", r.cells())).toList()
          : List.of();
      for (String text : texts) {
        for (String date : Dates.impossibleDates(text)) {
          diagnostics.add(Diagnostic.warning(node.line(), "'" + date + "' is not a date that exists; ignored"));
        }
      }
      if (node instanceof Bullet b) {
        reportImpossibleDates(b.children());
      }
    }
  }

  private String postmortemId(String stated, String title, LocalDate date) {
    if (stated != null && !Slugs.of(stated, 100).isEmpty()) {
      return Slugs.of(stated, 100);
    }
    String words = Slugs.of(GENERIC_TITLE.matcher(title).replaceFirst(""), 60);
    if (words.isEmpty()) {
      words = Slugs.of(fileTitle(), 60);
    }
    if (words.isEmpty()) {
      words = "postmortem";
    }
    return date == null ? words : date + "-" + words;
  }

  private String fileTitle() {
    String name = java.nio.file.Path.of(file).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').replace('-', ' ').strip();
  }
}
