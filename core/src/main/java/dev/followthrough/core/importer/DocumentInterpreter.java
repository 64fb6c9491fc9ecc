package dev.followthrough.core.importer;

import dev.followthrough.core.DocumentException;
import dev.followthrough.core.importer.ItemReader.Entry;
import dev.followthrough.core.importer.Outline.Blank;
import dev.followthrough.core.importer.Outline.Bullet;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Section;
import dev.followthrough.core.importer.Outline.Table;
import dev.followthrough.core.importer.Outline.TextLine;
import dev.followthrough.core.importer.SummaryFields.Field;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Measure;
import dev.followthrough.core.model.MeasureCategory;
import dev.followthrough.core.model.MeasureKind;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Source;
import dev.followthrough.core.model.TimelineEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns an {@link Outline} (and front matter) into a {@link Postmortem} as the document wrote it. */
final class DocumentInterpreter {
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|percent\\b)");
  private static final Pattern GENERIC_TITLE =
      Pattern.compile("(?i)^(?:0x[0-9a-f]+\\.?\\s*)?(?:(?:issue|incident)\\s+)?(?:post-?mortem|report|incident)"
          + "(?:\\s+report)?(?:\\s+\\d{4}-\\d{2}-\\d{2})?\\s*(?:[:\\-–—]\\s*|$)");

  private final String file;
  private final List<Diagnostic> diagnostics;

  DocumentInterpreter(String file, List<Diagnostic> diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  Postmortem interpret(Outline outline, FrontMatter front, Source source) {
    Map<Field, String> fields = new EnumMap<>(Field.class);
    Map<Field, Integer> fieldLines = new EnumMap<>(Field.class);
    Map<SectionKind, List<Section>> byKind = new EnumMap<>(SectionKind.class);
    Map<String, String> freeText = new LinkedHashMap<>();
    for (Section section : outline.sections()) {
      SectionKind kind = section.heading() == null ? SectionKind.SUMMARY : SectionKind.of(section.heading());
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(section);
      if (kind == SectionKind.SUMMARY || kind == SectionKind.IMPACT || kind == SectionKind.ROOT_CAUSE
          || kind == SectionKind.RESOLUTION || kind == SectionKind.OTHER) {
        collectFields(section.nodes(), fields, fieldLines);
      }
      if (section.heading() != null && (kind == SectionKind.LESSONS || kind == SectionKind.MISLEADING
          || kind == SectionKind.ESCALATION || kind == SectionKind.CONCLUSION || kind == SectionKind.OTHER)) {
        String text = text(section.nodes());
        if (!text.isBlank()) {
          freeText.merge(SectionKind.normalize(section.heading()).isEmpty() ? section.heading()
              : cleanHeading(section.heading()), text, (a, b) -> a + "\n\n" + b);
        }
        if (kind == SectionKind.OTHER) {
          diagnostics.add(Diagnostic.info(section.line(), "section '" + cleanHeading(section.heading()) + "' kept as free text"));
        }
      }
    }
    boolean structured = byKind.keySet().stream().anyMatch(k -> k != SectionKind.OTHER && k != SectionKind.SUMMARY)
        || byKind.getOrDefault(SectionKind.SUMMARY, List.of()).stream().anyMatch(s -> s.heading() != null)
        || !fields.isEmpty()
        || (front.fields() != null && front.text("title") != null);
    if (!structured) {
      throw new DocumentException(file, 0,
          "no postmortem structure found: expected sections such as Summary, Timeline, Root Cause or Action Items");
    }

    String title = firstNonBlank(front.text("title"), fields.get(Field.TITLE), outline.title());
    if (title == null) {
      title = fileTitle();
      diagnostics.add(Diagnostic.warning(0, "no title found; using the file name"));
    }
    String severity = firstNonBlank(front.text("severity"), fields.get(Field.SEVERITY));
    String summaryText = sectionText(byKind, SectionKind.SUMMARY, true);
    IncidentSummary incident = incident(front, fields, fieldLines, byKind, summaryText);
    ZoneOffset zone = zoneOf(fields, summaryText);
    LocalDate day = incident.start() != null
        ? LocalDate.ofInstant(incident.start(), zone) : incident.date();

    List<TimelineEntry> timeline = new ArrayList<>();
    TimelineReader timelineReader = new TimelineReader(diagnostics, day, zone);
    for (Section s : byKind.getOrDefault(SectionKind.TIMELINE, List.of())) {
      timeline.addAll(timelineReader.read(s.nodes()));
    }

    List<MeasureEntry> measureEntries = measures(byKind);
    List<Measure> measures = measureEntries.stream().map(MeasureEntry::measure).toList();
    List<ActionItem> items = items(byKind, measureEntries, front.text("owner"), outline);
    if (items.isEmpty()) {
      diagnostics.add(Diagnostic.warning(0, "no action items found"));
    }
    String id = postmortemId(front.text("id"), title, incident.date());
    diagnostics.sort(java.util.Comparator.comparingInt(Diagnostic::line));
    return new Postmortem(id, title, severity, incident, timeline, measures, items, freeText, source);
  }

  private IncidentSummary incident(FrontMatter front, Map<Field, String> fields, Map<Field, Integer> lines,
      Map<SectionKind, List<Section>> byKind, String summaryText) {
    LocalDate date = Optional.ofNullable(firstNonBlank(front.incident("date"), front.text("date"), fields.get(Field.DATE)))
        .flatMap(Times::firstDate).orElse(null);
    ZoneOffset zone = zoneOf(fields, summaryText);
    Instant start = instant(front.incident("start"), date, zone);
    Instant end = instant(front.incident("end"), date, zone);
    Long minutes = null;
    String duration = fields.get(Field.DURATION);
    if (start == null && duration != null) {
      Times.Span span = Times.span(duration, date, zone);
      start = span.start();
      end = span.end();
      noteZone(span, start, lines.get(Field.DURATION));
    }
    if (start == null && fields.get(Field.START) != null) {
      start = Times.span(fields.get(Field.START), date, zone).start();
      if (fields.get(Field.END) != null) {
        end = Times.span(fields.get(Field.END), date != null ? date : dayOf(start), zone).start();
      }
    }
    if (start == null && summaryText != null) {
      Times.Span span = Times.span(summaryText, date, zone);
      start = span.start();
      end = span.end();
      noteZone(span, start, 0);
    }
    if (duration != null) {
      minutes = Times.durationMinutes(duration).orElse(null);
      if (minutes != null && start != null && end != null
          && Math.abs(java.time.Duration.between(start, end).toMinutes() - minutes) > 1) {
        diagnostics.add(Diagnostic.warning(lines.getOrDefault(Field.DURATION, 0),
            "stated duration of " + minutes + " minutes differs from start to end; start and end win"));
      }
    }
    if (start != null && end != null && end.isBefore(start)) {
      diagnostics.add(Diagnostic.warning(lines.getOrDefault(Field.DURATION, 0), "incident end is before its start; end left empty"));
      end = null;
    }
    if (date == null && start == null) {
      date = Times.firstDate(summaryText == null ? "" : summaryText).orElse(null);
    }
    String impact = firstNonBlank(fields.get(Field.IMPACT), sectionText(byKind, SectionKind.IMPACT, false));
    if (impact == null && summaryText != null) {
      impact = sentenceWith(summaryText, "(?i)affect|impact|unable|users|customers|%");
    }
    Double percent = null;
    if (impact != null) {
      var m = PERCENT.matcher(Times.scanned(impact));
      if (m.find()) {
        double p = Double.parseDouble(m.group(1));
        if (p <= 100) {
          percent = p;
        }
      }
    }
    String rootCauseSection = sectionText(byKind, SectionKind.ROOT_CAUSE, false);
    String rootCause = firstNonBlank(fields.get(Field.ROOT_CAUSE), causePart(rootCauseSection));
    String resolution = firstNonBlank(fields.get(Field.RESOLUTION), sectionText(byKind, SectionKind.RESOLUTION, false),
        resolutionPart(rootCauseSection));
    String summary = firstNonBlank(fields.get(Field.SUMMARY), proseOnly(summaryText));
    return new IncidentSummary(date, start, end, start != null && end != null ? null : minutes, summary, impact,
        percent, rootCause, resolution);
  }

  private void noteZone(Times.Span span, Instant start, Integer line) {
    if (start != null && !span.zoneStated()) {
      diagnostics.add(Diagnostic.warning(line == null ? 0 : line, "no time zone stated for the incident times; UTC assumed"));
    }
  }

  private static LocalDate dayOf(Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private ZoneOffset zoneOf(Map<Field, String> fields, String summaryText) {
    return Optional.ofNullable(fields.get(Field.DURATION)).flatMap(Times::zone)
        .or(() -> Optional.ofNullable(fields.get(Field.START)).flatMap(Times::zone))
        .or(() -> Optional.ofNullable(summaryText).flatMap(Times::zone))
        .orElse(ZoneOffset.UTC);
  }

  private Instant instant(String text, LocalDate date, ZoneOffset zone) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      Instant parsed = Times.span(text, date, zone).start();
      if (parsed == null) {
        diagnostics.add(Diagnostic.warning(1, "front matter time '" + text + "' not understood"));
      }
      return parsed;
    }
  }

  /** A measure with the entry it was read from, whose owner, dates and status an item may take. */
  private record MeasureEntry(Measure measure, Entry entry) {}

  private List<MeasureEntry> measures(Map<SectionKind, List<Section>> byKind) {
    List<MeasureEntry> measures = new ArrayList<>();
    for (SectionKind kind : List.of(SectionKind.CORRECTIVE, SectionKind.PREVENTIVE, SectionKind.MEASURES)) {
      for (Section s : byKind.getOrDefault(kind, List.of())) {
        for (Entry e : new ItemReader(diagnostics).read(s.nodes())) {
          String text = e.title() + (e.description() == null ? "" : " " + e.description());
          MeasureKind measureKind = e.kind() != null ? e.kind()
              : kind == SectionKind.CORRECTIVE ? MeasureKind.CORRECTIVE
              : kind == SectionKind.PREVENTIVE ? MeasureKind.PREVENTIVE
              // A named measure ("Documentation and Training: …") is judged by its name.
              : Wording.measureKind(e.description() != null ? e.title() : text);
          Measure m = new Measure("m" + (measures.size() + 1), measureKind, Wording.category(text), e.title(),
              e.description());
          measures.add(new MeasureEntry(m, e));
        }
      }
    }
    return measures;
  }

  private List<ActionItem> items(Map<SectionKind, List<Section>> byKind, List<MeasureEntry> measureEntries,
      String defaultOwner, Outline outline) {
    List<Measure> measures = measureEntries.stream().map(MeasureEntry::measure).toList();
    List<Entry> entries = new ArrayList<>();
    List<Measure> served = new ArrayList<>();
    for (Section s : byKind.getOrDefault(SectionKind.TASKS, List.of())) {
      entries.addAll(new ItemReader(diagnostics).read(s.nodes()));
    }
    // Action-item tables and task lists count wherever they stand.
    for (Section s : outline.sections()) {
      SectionKind kind = s.heading() == null ? SectionKind.SUMMARY : SectionKind.of(s.heading());
      if (kind == SectionKind.TASKS || kind == SectionKind.TIMELINE) {
        continue;
      }
      for (Node n : s.nodes()) {
        if (n instanceof Table t && TableReader.isActionTable(t) && !kind.isMeasures()) {
          entries.addAll(new TableReader(diagnostics).items(t));
        } else if (n instanceof Bullet b && b.checked() != null && !kind.isMeasures()) {
          entries.addAll(new ItemReader(diagnostics).read(List.of(b)));
        }
      }
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
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.title() == null || e.title().isBlank()) {
        diagnostics.add(Diagnostic.warning(e.line(), "an item without a title was skipped"));
        continue;
      }
      Measure measure = served.get(i) != null ? served.get(i) : bestMeasure(e, measures);
      String text = e.title() + (e.description() == null ? "" : " " + e.description());
      String type = e.type() != null ? e.type()
          : e.kind() == MeasureKind.CORRECTIVE ? "mitigate"
          : Wording.itemType(text, measure == null ? null : measure.category());
      String id = uniqueId(Slugs.of(e.title(), 48), ids);
      List<dev.followthrough.core.model.TicketLink> tickets = e.ticket() == null ? List.of() : List.of(e.ticket());
      items.add(new ActionItem(id, e.title(), e.description(), e.owner() != null ? e.owner() : defaultOwner,
          e.due(), e.priority(), e.status() == null ? ItemStatus.OPEN : e.status(), type,
          measure == null ? null : measure.id(), tickets, List.of(), false, e.verification()));
    }
    return items;
  }

  /** The measure that shares the most meaningful words with the task, if it shares enough. */
  private static Measure bestMeasure(Entry e, List<Measure> measures) {
    List<String> words = Wording.significantWords(e.title() + " " + (e.description() == null ? "" : e.description()));
    Measure best = null;
    double bestScore = 0;
    for (Measure m : measures) {
      List<String> other = Wording.significantWords(m.title() + " " + (m.description() == null ? "" : m.description()));
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

  private static void collectFields(List<Node> nodes, Map<Field, String> fields, Map<Field, Integer> lines) {
    for (Node node : nodes) {
      String text = node instanceof TextLine t ? t.text() : node instanceof Bullet b ? b.text() : null;
      if (text == null) {
        continue;
      }
      SummaryFields.parse(text).ifPresent(v -> {
        if (!fields.containsKey(v.field())) {
          fields.put(v.field(), v.text());
          lines.put(v.field(), node.line());
        }
      });
      if (node instanceof Bullet b) {
        collectFields(b.children(), fields, lines);
      }
    }
  }

  private static String sectionText(Map<SectionKind, List<Section>> byKind, SectionKind kind, boolean skipFields) {
    StringBuilder all = new StringBuilder();
    for (Section s : byKind.getOrDefault(kind, List.of())) {
      List<Node> nodes = s.nodes();
      if (skipFields) {
        nodes = nodes.stream().filter(n -> !(n instanceof TextLine t && SummaryFields.isField(t.text()))
            && !(n instanceof Bullet b && SummaryFields.isField(b.text()))).toList();
      }
      String text = text(nodes);
      if (!text.isBlank()) {
        all.append(all.length() > 0 ? "\n\n" : "").append(text);
      }
    }
    String t = all.toString().strip();
    return t.isEmpty() ? null : t;
  }

  /** Section text: lines of a paragraph joined by spaces, paragraphs and bullets by new lines. */
  static String text(List<Node> nodes) {
    StringBuilder out = new StringBuilder();
    boolean inParagraph = false;
    for (Node node : nodes) {
      if (node instanceof TextLine t) {
        out.append(inParagraph ? " " : out.length() > 0 ? "\n" : "").append(t.text());
        inParagraph = true;
      } else if (node instanceof Bullet b) {
        out.append(out.length() > 0 ? "\n" : "").append("- ").append(b.text());
        String children = text(b.children());
        if (!children.isBlank()) {
          out.append("\n  ").append(children.replace("\n", "\n  "));
        }
        inParagraph = false;
      } else if (node instanceof Blank) {
        if (inParagraph) {
          out.append('\n');
        }
        inParagraph = false;
      } else if (node instanceof Table table) {
        for (var row : table.rows()) {
          out.append(out.length() > 0 ? "\n" : "").append("- ").append(String.join(" | ", row.cells()));
        }
        inParagraph = false;
      }
    }
    return out.toString().replaceAll("\n{3,}", "\n\n").strip();
  }

  /** In a "Root Cause and Resolution" section, the part before the resolution. */
  private static String causePart(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split("(?im)^(?=resolution\\s*:|to resolve|the issue was resolved)", 2);
    return parts[0].replaceFirst("(?i)^root cause\\s*:\\s*", "").strip();
  }

  private static String resolutionPart(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split("(?im)^(?=resolution\\s*:|to resolve|the issue was resolved)", 2);
    return parts.length < 2 ? null : parts[1].replaceFirst("(?i)^resolution\\s*:\\s*", "").strip();
  }

  private static String proseOnly(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static String sentenceWith(String text, String regex) {
    Pattern p = Pattern.compile(regex);
    for (String sentence : Times.scanned(text).split("(?<=[.!?])\\s+")) {
      if (p.matcher(sentence).find()) {
        return sentence.strip();
      }
    }
    return null;
  }

  private static String cleanHeading(String heading) {
    return heading.replaceAll("^#+\\s*", "").replace("*", "").replaceAll("[:：]\\s*$", "").strip();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
