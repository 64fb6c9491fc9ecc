package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.SectionText.firstNonBlank;

import dev.followthrough.core.importer.Outline.Section;
import dev.followthrough.core.importer.SummaryFields.Field;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.IncidentSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The incident summary: start and end (front matter, a {@code Duration:} or start/end field, or
 * the summary's first sentence with times), stated duration, impact and its percent, root cause
 * and resolution. The timeline may fill start and end later ({@link IncidentTimes}).
 */
final class IncidentReader {
  private static final Pattern ROOT_CAUSE_SPLIT = Pattern.compile("(?im)^(?=resolution\\s*:|to resolve|the issue was resolved)");
  private static final Pattern IMPACT_SENTENCE = Pattern.compile("(?i)affect|impact|unable|users|customers|%");

  private final List<Diagnostic> diagnostics;
  private final Map<Field, String> fields;
  private final Map<Field, Integer> lines;
  private final Map<SectionKind, List<Section>> byKind;
  private final String summaryText;
  /** Whether the stated start names a date that does not exist: then no other date may stand in for it. */
  private boolean startImpossible;

  IncidentReader(List<Diagnostic> diagnostics, Map<Field, String> fields, Map<Field, Integer> lines,
      Map<SectionKind, List<Section>> byKind) {
    this.diagnostics = diagnostics;
    this.fields = fields;
    this.lines = lines;
    this.byKind = byKind;
    String summary = SectionText.of(byKind, SectionKind.SUMMARY, true);
    this.summaryText = summary != null ? summary : opening(byKind);
  }

  /**
   * A post whose first heading names the incident ("## 2025-07-30 Hex Outage") and opens with the
   * story under it, without a Summary section: that opening section is its summary.
   */
  private static String opening(Map<SectionKind, List<Section>> byKind) {
    List<Section> other = byKind.getOrDefault(SectionKind.OTHER, List.of());
    if (other.isEmpty() || other.get(0).heading() == null) {
      return null;
    }
    int first = other.get(0).line();
    boolean earliest = byKind.values().stream().flatMap(List::stream).allMatch(s -> s.line() >= first);
    return earliest ? SectionText.of(Map.of(SectionKind.OTHER, List.of(other.get(0))), SectionKind.OTHER, true) : null;
  }

  String summaryText() {
    return summaryText;
  }

  /** Whether the document stated a start on a date that does not exist; the start is then left unknown. */
  boolean startImpossible() {
    return startImpossible;
  }

  /** The zone the summary states for the incident's times, else UTC. */
  ZoneId zone() {
    return Optional.ofNullable(fields.get(Field.DURATION)).flatMap(Times::zone)
        .or(() -> Optional.ofNullable(fields.get(Field.START)).flatMap(Times::zone))
        .or(() -> Optional.ofNullable(summaryText).flatMap(Times::zone))
        .orElse(ZoneOffset.UTC);
  }

  /** @param titleDate the date the title gives, the day of times written without one when nothing else dates them */
  IncidentSummary read(FrontMatter front, LocalDate titleDate) {
    LocalDate date = Optional.ofNullable(firstNonBlank(front.incident("date"), front.text("date"), fields.get(Field.DATE)))
        .flatMap(Dates::firstDate).orElse(null);
    ZoneId zone = zone();
    Instant start = Optional.ofNullable(instant(front.incident("start"), date, zone)).orElse(StatusFrontMatter.start(front));
    Instant end = Optional.ofNullable(instant(front.incident("end"), date, zone)).orElse(StatusFrontMatter.end(front));
    String duration = fields.get(Field.DURATION);
    if (start == null && duration != null) {
      Times.Span span = Times.span(duration, date, zone);
      start = span.start();
      end = span.end();
      startImpossible = span.startImpossible();
      noteZone(span, start, lines.get(Field.DURATION));
    }
    if (start == null && !startImpossible && fields.get(Field.START) != null) {
      Times.Span stated = Times.span(fields.get(Field.START), date, zone);
      start = stated.start();
      startImpossible = stated.startImpossible();
      if (fields.get(Field.END) != null) {
        end = Times.span(fields.get(Field.END), date != null ? date : dayOf(start), zone).start();
      }
    }
    String timed = start != null || startImpossible || summaryText == null ? null : firstSentenceWithTime(summaryText);
    // "At 21:28 we received a report…" tells when it was noticed; a timeline tells when it began.
    boolean noticed = timed != null && byKind.containsKey(SectionKind.TIMELINE)
        && Wording.timelineKind(timed) == dev.followthrough.core.model.TimelineKind.DETECTION;
    if (start == null && timed != null && !noticed) {
      Times.Span span = Times.span(timed,
          date != null ? date : Dates.firstDate(summaryText).orElse(titleDate), zone);
      start = span.start();
      end = span.end();
      noteZone(span, start, 0);
      // "…started around 11:00 and became a full outage by 17:00. … resolved at 23:01": the told end wins.
      Instant told = start == null ? null : IncidentTimes.toldEnd(summaryText, dayOf(start), zone);
      if (told != null && end != null && told.isAfter(end) && IncidentTimes.toldEnd(timed, dayOf(start), zone) == null) {
        end = told;
      }
    }
    Long minutes = duration == null ? null : Times.durationMinutes(duration).orElse(null);
    if (minutes == null && start != null && end == null) {
      // "…for approximately 47 minutes, CI jobs…": the summary may tell how long it lasted.
      minutes = Times.proseDurationMinutes(summaryText).orElse(null);
    }
    if (minutes != null && start != null && end == null) {
      end = start.plus(Duration.ofMinutes(minutes));
      diagnostics.add(Diagnostic.info(lines.getOrDefault(Field.DURATION, 0), "incident end computed from its start and duration"));
    } else if (minutes != null && start != null && Math.abs(Duration.between(start, end).toMinutes() - minutes) > 1) {
      diagnostics.add(Diagnostic.warning(lines.getOrDefault(Field.DURATION, 0),
          "stated duration of " + minutes + " minutes differs from start to end; start and end win"));
    }
    if (start != null && end != null && end.isBefore(start)) {
      diagnostics.add(Diagnostic.warning(lines.getOrDefault(Field.DURATION, 0), "incident end is before its start; end left empty"));
      end = null;
    }
    if (date == null && start == null && !startImpossible) {
      date = Dates.firstDate(summaryText == null ? "" : summaryText).orElse(null);
    }
    String impact = firstNonBlank(fields.get(Field.IMPACT), SectionText.of(byKind, SectionKind.IMPACT, false));
    if (impact == null && summaryText != null) {
      impact = sentenceWith(summaryText, IMPACT_SENTENCE);
    }
    Double percent = ImpactPercent.of(impact);
    if (percent == null && summaryText != null) {
      percent = ImpactPercent.of(sentenceWith(summaryText, IMPACT_SENTENCE));
    }
    String rootCauseSection = SectionText.of(byKind, SectionKind.ROOT_CAUSE, true);
    String rootCause = firstNonBlank(fields.get(Field.ROOT_CAUSE), part(rootCauseSection, 0));
    String resolution = firstNonBlank(fields.get(Field.RESOLUTION), SectionText.of(byKind, SectionKind.RESOLUTION, false),
        part(rootCauseSection, 1));
    String summary = firstNonBlank(fields.get(Field.SUMMARY), summaryText);
    return new IncidentSummary(date, start, end, start != null && end != null ? null : minutes, summary, impact,
        percent, rootCause, resolution);
  }

  /** The first sentence or line of the summary that holds a time: later ones tell other stories. */
  private static String firstSentenceWithTime(String text) {
    for (String part : Regex.split(text, "\n|(?<=[.!?])\\s+(?=[A-Z])")) {
      if (!Times.times(part).isEmpty()) {
        return part;
      }
    }
    return text;
  }

  private void noteZone(Times.Span span, Instant start, Integer line) {
    if (start != null && !span.zoneStated()) {
      diagnostics.add(Diagnostic.warning(line == null ? 0 : line, "no time zone stated for the incident times; UTC assumed"));
    }
  }

  private static LocalDate dayOf(Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private Instant instant(String text, LocalDate date, ZoneId zone) {
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

  /** In a "Root Cause and Resolution" section: part 0 is the cause, part 1 the resolution. */
  private static String part(String text, int index) {
    if (text == null) {
      return null;
    }
    String[] parts = ROOT_CAUSE_SPLIT.split(text, 2);
    if (index >= parts.length) {
      return null;
    }
    return Regex.replaceFirst(parts[index], "(?i)^(?:root cause|resolution)\\s*:\\s*", "").strip();
  }

  private static String sentenceWith(String text, Pattern p) {
    for (String sentence : Regex.split(Times.scanned(text), "(?<=[.!?])\\s+")) {
      if (p.matcher(sentence).find()) {
        return sentence.strip();
      }
    }
    return null;
  }
}
