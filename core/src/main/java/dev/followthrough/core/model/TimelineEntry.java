package dev.followthrough.core.model;

import java.time.Instant;

/**
 * One line of an incident timeline.
 *
 * @param at when it happened in UTC, or {@code null} when the document gives no time
 * @param kind what the entry records
 * @param text the entry as written
 * @param line the line of its document the entry was read from (1-based), or {@code null} when unknown
 */
public record TimelineEntry(Instant at, TimelineKind kind, String text, Integer line) {
  public TimelineEntry {
    new Problems("timeline entry").notNull("kind", kind).notBlank("text", text)
        .check(line == null || line >= 0, "line: must not be negative").throwIfAny();
    text = text.strip();
  }

  /** An entry whose source line is unknown. */
  public TimelineEntry(Instant at, TimelineKind kind, String text) {
    this(at, kind, text, null);
  }

  public TimelineEntry withLine(Integer newLine) {
    return new TimelineEntry(at, kind, text, newLine);
  }
}
