package dev.followthrough.core.importer;

import dev.followthrough.core.importer.Outline.Bullet;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Row;
import dev.followthrough.core.importer.Outline.Table;
import dev.followthrough.core.importer.Outline.TextLine;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.TimelineEntry;
import dev.followthrough.core.model.TimelineKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Timelines as lines, bullets or a table. An entry without a date takes the day of the entry
 * before it (the incident's day for the first), and a time earlier than the previous entry's rolls
 * over to the next day.
 */
final class TimelineReader {
  private final List<Diagnostic> diagnostics;
  private LocalDate day;
  private ZoneOffset zone;
  private Instant previous;
  private boolean warnedNoDate;

  TimelineReader(List<Diagnostic> diagnostics, LocalDate incidentDay, ZoneOffset zone) {
    this.diagnostics = diagnostics;
    this.day = incidentDay;
    this.zone = zone;
  }

  List<TimelineEntry> read(List<Node> nodes) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (Node node : nodes) {
      if (node instanceof TextLine line) {
        entry(line.line(), line.text(), entries);
      } else if (node instanceof Bullet bullet) {
        String text = bullet.text();
        for (Node child : bullet.children()) {
          if (child instanceof TextLine t) {
            text = text + " " + t.text();
          }
        }
        entry(bullet.line(), text, entries);
        for (Node child : bullet.children()) {
          if (child instanceof Bullet b) {
            entry(b.line(), b.text(), entries);
          }
        }
      } else if (node instanceof Table table) {
        table(table, entries);
      }
    }
    return entries;
  }

  private void table(Table table, List<TimelineEntry> entries) {
    int time = TableReader.column(table.header(), "time", "when", "timestamp", "date");
    int text = TableReader.column(table.header(), "event", "description", "what", "action", "details", "text", "update");
    int kind = TableReader.column(table.header(), "kind", "type", "phase");
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
      TimelineKind stated = null;
      if (kind >= 0 && kind < row.cells().size()) {
        stated = kindNamed(row.cells().get(kind));
      }
      TimelineEntry entry = entry(row.line(), t + " " + e, entries);
      if (entry != null && stated != null) {
        entries.set(entries.size() - 1, new TimelineEntry(entry.at(), stated, entry.text()));
      }
    }
  }

  private TimelineEntry entry(int line, String text, List<TimelineEntry> entries) {
    if (text.isBlank()) {
      return null;
    }
    var leading = Times.leading(text);
    Instant at = null;
    String rest = text;
    if (leading.isPresent()) {
      Times.Leading l = leading.get();
      rest = l.rest().isBlank() ? text : l.rest();
      if (l.zone() != null) {
        zone = l.zone();
      }
      LocalDate date = l.date() != null ? l.date() : day;
      if (date == null) {
        if (!warnedNoDate) {
          diagnostics.add(Diagnostic.warning(line, "timeline times have no date and the incident date is unknown; times left empty"));
          warnedNoDate = true;
        }
      } else {
        at = date.atTime(l.time()).toInstant(zone);
        if (l.date() == null && previous != null && at.isBefore(previous)) {
          at = at.plus(java.time.Duration.ofDays(1));
        }
        day = at.atOffset(zone).toLocalDate();
        previous = at;
      }
    } else {
      diagnostics.add(Diagnostic.info(line, "timeline entry without a time"));
    }
    TimelineEntry entry = new TimelineEntry(at, Wording.timelineKind(rest), rest);
    entries.add(entry);
    return entry;
  }

  private static TimelineKind kindNamed(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (TimelineKind kind : TimelineKind.values()) {
      if (kind.name().equals(t) || kind.name().startsWith(t) && t.length() >= 4) {
        return kind;
      }
    }
    return t.isEmpty() ? null : Wording.timelineKind(text);
  }
}
