package dev.followthrough.core.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What happened, when and to whom. Every field is optional because documents leave things out.
 *
 * @param date the incident's calendar day (UTC) when stated, else derived from {@code start}
 * @param start when the incident began, in UTC
 * @param end when it was resolved, in UTC; never before {@code start}
 * @param durationMinutes how long it lasted; derived from start and end when both are known
 * @param summary the summary paragraph as written
 * @param impactPercent share of users or requests affected, 0 to 100
 */
public record IncidentSummary(
    LocalDate date,
    Instant start,
    Instant end,
    Long durationMinutes,
    String summary,
    String impact,
    Double impactPercent,
    String rootCause,
    String resolution) {

  public static final IncidentSummary EMPTY =
      new IncidentSummary(null, null, null, null, null, null, null, null, null);

  public IncidentSummary {
    new Problems("incident")
        .check(
            start == null || end == null || !end.isBefore(start),
            "end: " + end + " is before start " + start)
        .check(
            impactPercent == null || (impactPercent >= 0 && impactPercent <= 100),
            "impactPercent: " + impactPercent + " is outside 0 to 100")
        .check(
            durationMinutes == null || durationMinutes >= 0,
            "durationMinutes: must not be negative")
        .throwIfAny();
    if (start != null && end != null) {
      durationMinutes = Duration.between(start, end).toMinutes();
    }
    if (date == null && start != null) {
      date = LocalDate.ofInstant(start, ZoneOffset.UTC);
    }
    summary = Text.blankToNull(summary);
    impact = Text.blankToNull(impact);
    rootCause = Text.blankToNull(rootCause);
    resolution = Text.blankToNull(resolution);
  }

  /** The day a due-date policy counts from: the end, else the start, else the stated date. */
  public LocalDate referenceDate() {
    if (end != null) {
      return LocalDate.ofInstant(end, ZoneOffset.UTC);
    }
    return date;
  }
}
