package dev.followthrough.core.importer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A line in a timeline that sets the zone or the day of the entries after it rather than being an
 * entry: "All times in UTC.", "All times are PST", "2019-01-22 (all times UTC)", a date heading.
 */
record TimelineContext(LocalDate date, ZoneId zone) {
  private static final Pattern ZONE_STATEMENT = Pattern.compile(
      "(?i)\\b(?:all\\s+times?|times?\\s+(?:are|is|in|shown|given|listed)|time\\s*zones?|timezones?)\\b");
  private static final Pattern WEEKDAY = Pattern.compile(
      "(?i)\\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s*");
  private static final int MAX_LENGTH = 160;

  /** The zone or date a line states, when the line is only that. */
  static Optional<TimelineContext> of(String line) {
    String t = line.strip();
    boolean statement = t.toLowerCase(java.util.Locale.ROOT).contains("time") && ZONE_STATEMENT.matcher(t).find();
    if (!statement && !Dates.hasYear(t)) {
      return Optional.empty();
    }
    if (t.isEmpty() || t.length() > MAX_LENGTH || !Times.times(t).isEmpty()
        || (t.length() > MAX_LENGTH / 2 && !ZONE_STATEMENT.matcher(t).find())) {
      return Optional.empty();
    }
    LocalDate date = Dates.firstDate(t).orElse(null);
    ZoneId zone = Times.zone(t).orElse(null);
    boolean statesZone = ZONE_STATEMENT.matcher(t).find() && (zone != null || date != null);
    if (statesZone) {
      return Optional.of(new TimelineContext(date, zone));
    }
    if (date != null && isOnlyDate(t)) {
      return Optional.of(new TimelineContext(date, zone));
    }
    return Optional.empty();
  }

  /** "2019-01-22", "Tuesday, 22 January 2019", "2019-01-22 (all times UTC)": nothing but a date. */
  private static boolean isOnlyDate(String text) {
    String rest = text;
    for (Dates.DateMention d : Dates.dates(text)) {
      rest = rest.replace(text.substring(d.start(), d.end()), " ");
    }
    rest = WEEKDAY.matcher(rest).replaceAll(" ");
    rest = ZONE_STATEMENT.matcher(rest).replaceAll(" ");
    rest = Regex.replaceAll(rest, "(?i)\\b(?:utc|gmt|[A-Z]{2,4}T|on|in|of|are|pacific|eastern|central|mountain|time)\\b", " ");
    return Regex.replaceAll(rest, "[\\s()\\[\\]:,.*_#-]", "").isEmpty();
  }
}
