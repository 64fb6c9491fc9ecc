package dev.followthrough.core.importer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, times, time zones and durations as postmortems write them ("March 10, 2024, 10:00 PM",
 * "2023-08-06 2:00 PM", "between 3:00 PM and 5:00 PM EST", "3 hours and 45 minutes").
 */
final class Times {
  /** Only this much of a line is searched: dates and times sit near its start. */
  static final int SCAN_LIMIT = 2_000;

  // Never the "02:00" of "GMT+02:00": an offset is part of a zone, not a time.
  static final Pattern TIME =
      Pattern.compile(
          "(?i)(?=\\d)(?<![\\d:.])(?<!(?:utc|gmt)\\s?[+\\-−])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([ap])\\.?m\\.?(?![a-z])|(?!\\d|:\\d))"
              + "|(?=\\d)(?<![\\d:.])(?<!(?:utc|gmt)\\s?[+\\-−])(\\d{1,2})\\s*([ap])\\.?m\\.?(?![a-z])");
  private static final Pattern DURATION_PART =
      Pattern.compile(
          "(?i)(\\d+(?:\\.\\d+)?)\\s*(days?|d\\b|hours?|hrs?|h\\b|minutes?|mins?|m\\b)");

  private Times() {}

  /** A clock time found in text, with where it starts and ends. */
  record TimeMention(LocalTime time, int start, int end) {}

  /**
   * An incident's start and end; either may be null.
   *
   * @param startImpossible the start was written with a date that does not exist ("February 30"):
   *     it is unknown, and no other date may stand in for it
   */
  record Span(Instant start, Instant end, boolean zoneStated, boolean startImpossible) {
    Span(Instant start, Instant end, boolean zoneStated) {
      this(start, end, zoneStated, false);
    }
  }

  /**
   * Whether the text holds a digit within its first {@code limit} characters: every date and time
   * has one, and most lines have none, so this check spares the regular expressions most lines.
   */
  static boolean hasDigit(CharSequence text, int limit) {
    for (int i = 0, n = Math.min(text.length(), limit); i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  static String scanned(String text) {
    return text.length() > SCAN_LIMIT ? text.substring(0, SCAN_LIMIT) : text;
  }

  static List<TimeMention> times(String text) {
    if (!hasDigit(text, SCAN_LIMIT)) {
      return List.of();
    }
    String t = scanned(text);
    List<TimeMention> found = new ArrayList<>();
    Matcher m = TIME.matcher(t);
    while (m.find()) {
      LocalTime time =
          m.group(1) != null
              ? time(m.group(1), m.group(2), m.group(3), m.group(4))
              : time(m.group(5), "0", null, m.group(6));
      if (time != null) {
        found.add(new TimeMention(time, m.start(), m.end()));
      }
    }
    return found;
  }

  /** The time zone named in the text: UTC, GMT, UTC+2, EST, Pacific Time… */
  static Optional<ZoneId> zone(String text) {
    return Zones.find(scanned(text));
  }

  /**
   * Reads an incident's start and end from text such as a {@code Duration:} field or a summary
   * sentence: the first time is the start, the second the end (on the next day when it is
   * earlier). A time takes the nearest date written before it, else {@code defaultDate}.
   */
  static Span span(String text, LocalDate defaultDate, ZoneId defaultZone) {
    List<TimeMention> times = times(text);
    List<Dates.DateMention> dates = Dates.dates(text);
    Optional<ZoneId> stated = zone(text);
    ZoneId zone = stated.orElse(defaultZone);
    if (times.isEmpty()) {
      return new Span(null, null, stated.isPresent());
    }
    LocalDate fallback = dates.isEmpty() ? defaultDate : dates.get(0).date();
    TimeMention first = times.get(0);
    LocalDate startDate = dateBefore(dates, first.start(), fallback);
    // A time whose own written date does not exist takes no other date: it stays unknown.
    boolean startImpossible = impossibleDateBefore(text, dates, 0, first.start());
    if (startDate == null) {
      return new Span(null, null, stated.isPresent(), startImpossible);
    }
    Instant start = startImpossible ? null : startDate.atTime(first.time()).atZone(zone).toInstant();
    Instant end = null;
    if (times.size() > 1) {
      TimeMention second = times.get(1);
      Dates.DateMention own = dates.stream()
          .filter(d -> d.start() > first.end() && d.end() <= second.start())
          .reduce((a, b) -> b)
          .orElse(null);
      LocalDate endDate = own != null ? own.date() : startDate;
      boolean endImpossible = own == null && (startImpossible || impossibleDateBefore(text, dates, first.end(), second.start()));
      end = endImpossible ? null : endDate.atTime(second.time()).atZone(zone).toInstant();
      if (own == null && end != null && end.isBefore(start)) {
        end = end.plus(java.time.Duration.ofDays(1));
      }
    }
    return new Span(start, end, stated.isPresent(), startImpossible);
  }

  /** Whether an impossible date stands between {@code from} and a time at {@code to}, after any real date there. */
  private static boolean impossibleDateBefore(String text, List<Dates.DateMention> dates, int from, int to) {
    int after = from;
    for (Dates.DateMention d : dates) {
      if (d.end() <= to && d.end() > after) {
        after = d.end();
      }
    }
    return after < to && !Dates.impossibleDates(text.substring(after, to)).isEmpty();
  }

  private static LocalDate dateBefore(List<Dates.DateMention> dates, int position, LocalDate fallback) {
    LocalDate found = fallback;
    for (Dates.DateMention d : dates) {
      if (d.end() <= position) {
        found = d.date();
      }
    }
    return found;
  }

  /** "for approximately 47 minutes", "lasted 2 hours and 10 minutes", "for about 1h50m": a duration told in a sentence. */
  private static final Pattern PROSE_DURATION = Pattern.compile(
      "(?i)\\b(?:for|lasted|lasting|took)\\s+(?:approximately\\s+|about\\s+|around\\s+|roughly\\s+|nearly\\s+|~\\s*)?"
          + "(?:(\\d+(?:\\.\\d+)?)\\s*(?:hours?|hrs?|h)(?:,?\\s*(?:and\\s+)?(\\d+)\\s*(?:minutes?|mins?|m)\\b)?"
          + "|(\\d+)\\s*(?:minutes?|mins?)\\b)");

  /** The first duration a text tells in words ("for approximately 47 minutes"), in minutes. */
  static Optional<Long> proseDurationMinutes(String text) {
    if (text == null || !hasDigit(text, SCAN_LIMIT)) {
      return Optional.empty();
    }
    Matcher m = PROSE_DURATION.matcher(scanned(text));
    if (!m.find()) {
      return Optional.empty();
    }
    if (m.group(3) != null) {
      return Optional.of(Long.parseLong(m.group(3)));
    }
    double hours = Double.parseDouble(m.group(1));
    return Optional.of(Math.round(hours * 60) + (m.group(2) == null ? 0 : Long.parseLong(m.group(2))));
  }

  /** "3 hours and 45 minutes", "2h 30m", "90 minutes", "1.5 hours" in minutes. */
  static Optional<Long> durationMinutes(String text) {
    // Only look before any parenthesis: "(from 10:15 AM to 2:00 PM)" holds times, not a duration.
    String t = scanned(text);
    int paren = t.indexOf('(');
    Matcher m = DURATION_PART.matcher(paren >= 0 ? t.substring(0, paren) : t);
    double minutes = 0;
    boolean any = false;
    while (m.find()) {
      double n = Double.parseDouble(m.group(1));
      char unit = Character.toLowerCase(m.group(2).charAt(0));
      minutes += unit == 'd' ? n * 1440 : unit == 'h' ? n * 60 : n;
      any = true;
    }
    return any ? Optional.of(Math.round(minutes)) : Optional.empty();
  }

  static LocalTime time(String hour, String minute, String second, String meridiem) {
    try {
      int h = Integer.parseInt(hour);
      int m = Integer.parseInt(minute);
      int s = second == null ? 0 : Integer.parseInt(second);
      // "13:55 PM" happens; a 24-hour time with a stray meridiem is still that time.
      if (meridiem != null && h <= 12) {
        if (h < 1) {
          return null;
        }
        boolean pm = Character.toLowerCase(meridiem.charAt(0)) == 'p';
        h = h % 12 + (pm ? 12 : 0);
      }
      return LocalTime.of(h, m, s);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
