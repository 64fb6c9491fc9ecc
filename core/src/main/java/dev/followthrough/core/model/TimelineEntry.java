package dev.followthrough.core.model;

import java.time.Instant;

/**
 * One line of an incident timeline.
 *
 * @param at when it happened in UTC, or {@code null} when the document gives no time
 * @param kind what the entry records
 * @param text the entry as written
 */
public record TimelineEntry(Instant at, TimelineKind kind, String text) {
  public TimelineEntry {
    new Problems("timeline entry").notNull("kind", kind).notBlank("text", text).throwIfAny();
    text = text.strip();
  }
}
