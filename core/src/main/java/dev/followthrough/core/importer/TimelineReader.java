package dev.followthrough.core.importer;

import dev.followthrough.core.importer.Outline.Blank;
import dev.followthrough.core.importer.Outline.Bullet;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Row;
import dev.followthrough.core.importer.Outline.SubHeading;
import dev.followthrough.core.importer.Outline.Table;
import dev.followthrough.core.importer.Outline.TextLine;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.TimelineEntry;
import dev.followthrough.core.model.TimelineKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Timelines as lines, bullets, a table or sub-headings ({@code ### 13:35} over the entry's text;
 * spans over timed bullets, see {@link TimeRanges}). "All times in PST" or a date on its own sets the
 * zone or day of the entries after it. An entry without a date takes the day of the one before (the
 * incident's day for the first); a time earlier than the previous entry's rolls over to the next
 * day. A line without a time right under an entry continues that entry.
 */
final class TimelineReader {
  private final List<Diagnostic> diagnostics;
  private static final java.util.regex.Pattern UNLESS_NOTED =
      java.util.regex.Pattern.compile("(?i)\\bunless (?:otherwise )?(?:noted|stated|mentioned)");
  private LocalDate day;
  private LocalDate pinned;
  private ZoneId zone;
  private Instant previous;
  private boolean warnedNoDate;
  private final List<Integer> lines = new ArrayList<>();
  private final StringBuilder preamble = new StringBuilder();
  /** Each entry's paragraphs after its text, where an end may be told ("…launches are back to normal"). */
  private final List<String> details = new ArrayList<>();
  /** Whether most lines of the section being read carry a time. */
  private boolean notes;
  /** Each line's leading time, read once: several passes ask for it. */
  private final java.util.Map<String, Optional<Leading>> leadings = new java.util.HashMap<>();
  private final java.util.Map<String, Optional<TimelineContext>> contexts = new java.util.HashMap<>();

  TimelineReader(List<Diagnostic> diagnostics, LocalDate incidentDay, ZoneId zone) {
    this.diagnostics = diagnostics;
    this.day = incidentDay;
    this.zone = zone;
  }

  private Optional<TimelineContext> contextOf(String text) {
    return contexts.computeIfAbsent(text, t -> TimelineContext.of(t).or(() -> DayHeadings.context(t, day)));
  }

  private Optional<Leading> leading(String text) {
    return leadings.computeIfAbsent(text, Leading::of);
  }

  /** The lines above the first entry, which may tell how long the incident lasted. */
  String preamble() {
    return preamble.toString();
  }

  /** The paragraphs below each entry's text, in entry order; empty for most. */
  List<String> details() {
    return details;
  }

  /** The line of every entry read so far, in order. */
  List<Integer> lines() {
    return lines;
  }

  /** Reads one timeline section; its heading may state the zone ("Timeline (all times Pacific Time)"). */
  List<TimelineEntry> read(String heading, List<Node> nodes) {
    if (heading != null) {
      // "Timeline (all times PST) Saturday Oct 30th 2021": the heading sets zone and first day.
      Times.zone(heading).ifPresent(z -> zone = z);
      Dates.firstDate(heading).ifPresent(d -> day = d);
    }
    List<TimelineEntry> entries = new ArrayList<>();
    boolean underHeadings = nodes.stream().anyMatch(n -> n instanceof SubHeading s && leading(s.text()).isPresent());
    // Where most entries carry a time, a line or bullet without one is a note on the entry before.
    notes = mostlyTimed(nodes);
    boolean joinable = false;
    int pending = -1;
    int detailOf = -1;
    TimeRanges.Span span = null;
    for (Node node : nodes) {
      if (node instanceof SubHeading sub && (span = TimeRanges.over(nodes, sub).orElse(null)) != null) {
        pending = -1;
        joinable = false;
      } else if (node instanceof Bullet b && span != null) {
        bullet(new Bullet(b.line(), TimeRanges.withMeridiem(b.text(), span), b.checked(), b.children()), entries);
      } else if (node instanceof SubHeading sub) {
        // A heading without a time or date ("### Detection") only groups the entries below it.
        boolean timed = !context(sub.line(), sub.text()) && leading(sub.text()).isPresent();
        pending = timed ? entry(sub.line(), sub.text(), entries) : -1;
        detailOf = pending >= 0 ? lines.size() - 1 : -1;
        joinable = false;
      } else if (underHeadings) {
        // Under time headings, the first paragraph below a heading is its text; the rest is detail.
        if (node instanceof TextLine t && !context(t.line(), t.text()) && pending >= 0) {
          TimelineEntry e = entries.get(pending);
          String text = joinable ? e.text() + " " + t.text() : t.text();
          entries.set(pending, new TimelineEntry(e.at(), Wording.timelineKind(text), text, e.line()));
          joinable = true;
        } else if (joinable && !(node instanceof TextLine)) {
          pending = -1;
          joinable = false;
        } else if (node instanceof TextLine t && detailOf >= 0) {
          details.set(detailOf, details.get(detailOf) + " " + t.text());
        }
      } else if (node instanceof TextLine line) {
        joinable = line(line, entries, joinable || notes);
      } else if (node instanceof Bullet bullet && notes && !entries.isEmpty() && !startsTimed(bullet.text())) {
        diagnostics.add(Diagnostic.info(bullet.line(), "bullet without a time read as a note on the entry before"));
      } else if (node instanceof Bullet bullet) {
        bullet(bullet, entries);
        joinable = false;
      } else if (node instanceof Table table) {
        table(table, entries);
      } else if (node instanceof Blank) {
        joinable = false;
      }
    }
    return entries;
  }

  private boolean mostlyTimed(List<Node> nodes) {
    int candidates = 0;
    int timed = 0;
    for (Node n : nodes) {
      String text = n instanceof Bullet b ? b.text() : n instanceof TextLine t ? t.text() : null;
      if (text != null && contextOf(text).isEmpty()) {
        candidates++;
        timed += startsTimed(text) ? 1 : 0;
      }
    }
    return timed >= 3 && timed >= 0.6 * candidates;
  }

  /** Whether a line opens with a time or a date: "01-31-2024 - Fix released" is an entry of its own. */
  private boolean startsTimed(String text) {
    return leading(text).isPresent() || Times.hasDigit(text, 4) && Dates.at(text.strip(), 0) != null;
  }

  /** Returns whether a following line without a time continues this one. */
  private boolean line(TextLine line, List<TimelineEntry> entries, boolean joinable) {
    if (context(line.line(), line.text())) {
      return false;
    }
    boolean timed = startsTimed(line.text());
    if (!timed && notes && entries.isEmpty()) {
      // "It took 91 minutes from the start to the fix." above timed entries introduces them.
      preamble.append(line.text()).append('\n');
      diagnostics.add(Diagnostic.info(line.line(), "line before the first timed entry read as an introduction"));
      return false;
    }
    if (!timed && joinable && !entries.isEmpty()) {
      TimelineEntry last = entries.get(entries.size() - 1);
      entries.set(entries.size() - 1, new TimelineEntry(last.at(), last.kind(), last.text() + " " + line.text(), last.line()));
      return true;
    }
    entry(line.line(), line.text(), entries);
    return timed;
  }

  private void bullet(Bullet bullet, List<TimelineEntry> entries) {
    if (context(bullet.line(), bullet.text())) {
      return;
    }
    String text = bullet.text();
    for (Node child : bullet.children()) {
      if (child instanceof TextLine t) {
        text = text + " " + t.text();
      }
    }
    int parent = entry(bullet.line(), text, entries);
    boolean timed = parent >= 0 && entries.get(parent).at() != null;
    for (Node child : bullet.children()) {
      if (child instanceof Bullet b && timed && !startsTimed(b.text())) {
        // "- 19:06: cuts the builds:" over "  - Mainnet: 0.5.8": untimed sub-bullets detail their entry.
        details.set(parent, (details.get(parent) + " " + b.text()).strip());
      } else if (child instanceof Bullet b) {
        bullet(b, entries);
      }
    }
  }

  /** Applies a zone or date line; returns whether the line was one. */
  private boolean context(int line, String text) {
    var context = contextOf(text);
    if (context.isEmpty()) {
      return false;
    }
    if (context.get().zone() != null) {
      zone = context.get().zone();
    }
    if (context.get().date() != null) {
      day = context.get().date();
      previous = null;
      // "Unless otherwise noted all events happened on 2019-10-21": an entry's own date does not move it.
      pinned = UNLESS_NOTED.matcher(text).find() ? day : null;
    }
    diagnostics.add(Diagnostic.info(line, "'" + text.strip() + "' read as the timeline's "
        + (context.get().date() != null ? "date" : "time zone") + ", not an entry"));
    return true;
  }

  private void table(Table table, List<TimelineEntry> entries) {
    int time = TableReader.column(table.header(), "time", "when", "timestamp", "date");
    int text = TableReader.column(table.header(), "event", "description", "what", "action", "details", "text", "update",
        "note", "summary", "activity", "entry");
    int kind = TableReader.column(table.header(), "kind", "type", "phase");
    if (time >= 0) {
      // "Date and Time in CET": the time column's header may name the zone.
      Times.zone(table.header().get(time)).ifPresent(z -> zone = z);
    }
    if (time < 0 || text < 0) {
      diagnostics.add(Diagnostic.warning(table.line(), "timeline table needs a time and an event column; skipped"));
      return;
    }
    for (Row row : table.rows()) {
      String t = time < row.cells().size() ? row.cells().get(time) : "";
      String e = text < row.cells().size() ? row.cells().get(text) : "";
      if (e.isBlank()) {
        continue;
      }
      TimelineKind stated = kind >= 0 && kind < row.cells().size() ? TimelineKinds.named(row.cells().get(kind)) : null;
      int index = entry(row.line(), t + " " + e, entries);
      if (stated != null && index >= 0) {
        TimelineEntry entry = entries.get(index);
        entries.set(index, new TimelineEntry(entry.at(), stated, entry.text(), entry.line()));
      }
    }
  }

  /** Adds an entry and returns its index, or -1 when the line holds nothing to keep. */
  private int entry(int line, String text, List<TimelineEntry> entries) {
    if (text.isBlank()) {
      diagnostics.add(Diagnostic.info(line, "empty timeline entry skipped"));
      return -1;
    }
    var leading = leading(text);
    Optional<String> timeFirst = leading.isEmpty() ? LabelledTimes.timeFirst(text) : Optional.empty();
    if (timeFirst.isPresent() && leading(timeFirst.get()).isPresent()) {
      text = timeFirst.get();
      leading = leading(text);
    }
    Instant at = null;
    String rest = text;
    if (leading.isPresent()) {
      Leading l = leading.get();
      rest = l.rest().isBlank() ? text : l.rest();
      if (l.zone() != null) {
        zone = l.zone();
      }
      LocalDate date = l.date() != null ? l.date()
          : l.monthDay() != null && day != null ? l.monthDay().atYear(day.getYear()) : day;
      if (date == null) {
        if (!warnedNoDate) {
          diagnostics.add(Diagnostic.warning(line, "timeline times have no date and the incident date is unknown; times left empty"));
          warnedNoDate = true;
        }
      } else {
        at = date.atTime(l.time()).atZone(zone).toInstant();
        if (l.date() == null && l.monthDay() == null && previous != null && at.isBefore(previous)) {
          at = at.plus(java.time.Duration.ofDays(1));
          diagnostics.add(Diagnostic.info(line, "time earlier than the entry before; read as the next day"));
        }
        day = l.date() != null && pinned != null ? pinned : at.atZone(zone).toLocalDate();
        previous = at;
      }
    } else if (Dates.at(text.strip(), 0) != null) {
      // "2021-05-08 | Release published": the start of that day in UTC, so the day shown is the day written.
      Dates.DateMention d = Dates.at(text.strip(), 0);
      at = d.date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      rest = Regex.replaceFirst(text.strip().substring(d.end()), "^[\\s:|,–—-]+", "");
      rest = rest.isBlank() ? text : rest;
      day = d.date();
      previous = at;
      diagnostics.add(Diagnostic.info(line, "timeline entry with a date but no time: read as the start of that day"));
    } else {
      diagnostics.add(Diagnostic.info(line, "timeline entry without a time"));
    }
    entries.add(new TimelineEntry(at, Wording.timelineKind(rest), rest, line > 0 ? line : null));
    lines.add(line);
    details.add("");
    return entries.size() - 1;
  }
}
