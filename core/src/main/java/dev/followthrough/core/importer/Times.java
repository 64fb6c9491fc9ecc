package dev.followthrough.core.importer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
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

  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
  private static final Pattern ISO_DATE =
      Pattern.compile("(?<!\\d)(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?!\\d)");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("(?i)\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + "\\.?,?\\s+(\\d{4})\\b");
  private static final Pattern US_DATE =
      Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?!\\d)");
  // Never the "02:00" of "GMT+02:00": an offset is part of a zone, not a time.
  private static final Pattern TIME =
      Pattern.compile(
          "(?i)(?<![\\d:.])(?<!(?:utc|gmt)\\s?[+\\-−])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([ap])\\.?m\\.?(?![a-z])|(?!\\d|:\\d))"
              + "|(?<![\\d:.])(?<!(?:utc|gmt)\\s?[+\\-−])(\\d{1,2})\\s*([ap])\\.?m\\.?(?![a-z])");
  private static final Pattern DURATION_PART =
      Pattern.compile(
          "(?i)(\\d+(?:\\.\\d+)?)\\s*(days?|d\\b|hours?|hrs?|h\\b|minutes?|mins?|m\\b)");

  private Times() {}

  /** A date found in text, with where it starts and ends. */
  record DateMention(LocalDate date, int start, int end) {}

  /** A clock time found in text, with where it starts and ends. */
  record TimeMention(LocalTime time, int start, int end) {}

  /** An incident's start and end; either may be null. */
  record Span(Instant start, Instant end, boolean zoneStated) {}

  static String scanned(String text) {
    return text.length() > SCAN_LIMIT ? text.substring(0, SCAN_LIMIT) : text;
  }

  static List<DateMention> dates(String text) {
    String t = scanned(text);
    List<DateMention> found = new ArrayList<>();
    collect(ISO_DATE.matcher(t), found, m -> date(m.group(1), m.group(2), m.group(3)));
    collect(MONTH_DAY_YEAR.matcher(t), found, m -> date(m.group(3), month(m.group(1)), m.group(2)));
    collect(DAY_MONTH_YEAR.matcher(t), found, m -> date(m.group(3), month(m.group(2)), m.group(1)));
    collect(US_DATE.matcher(t), found, m -> date(m.group(3), m.group(1), m.group(2)));
    found.sort(java.util.Comparator.comparingInt(DateMention::start));
    return found;
  }

  private static void collect(
      Matcher m, List<DateMention> found, java.util.function.Function<Matcher, LocalDate> read) {
    while (m.find()) {
      LocalDate d = read.apply(m);
      int s = m.start();
      boolean overlaps = found.stream().anyMatch(f -> s < f.end() && m.end() > f.start());
      if (d != null && !overlaps) {
        found.add(new DateMention(d, s, m.end()));
      }
    }
  }

  static Optional<LocalDate> firstDate(String text) {
    List<DateMention> all = dates(text);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).date());
  }

  static List<TimeMention> times(String text) {
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
    List<DateMention> dates = dates(text);
    Optional<ZoneId> stated = zone(text);
    ZoneId zone = stated.orElse(defaultZone);
    if (times.isEmpty()) {
      return new Span(null, null, stated.isPresent());
    }
    LocalDate fallback = dates.isEmpty() ? defaultDate : dates.get(0).date();
    TimeMention first = times.get(0);
    LocalDate startDate = dateBefore(dates, first.start(), fallback);
    if (startDate == null) {
      return new Span(null, null, stated.isPresent());
    }
    Instant start = startDate.atTime(first.time()).atZone(zone).toInstant();
    Instant end = null;
    if (times.size() > 1) {
      TimeMention second = times.get(1);
      DateMention own = dates.stream()
          .filter(d -> d.start() > first.end() && d.end() <= second.start())
          .reduce((a, b) -> b)
          .orElse(null);
      LocalDate endDate = own != null ? own.date() : startDate;
      end = endDate.atTime(second.time()).atZone(zone).toInstant();
      if (own == null && end.isBefore(start)) {
        end = end.plus(java.time.Duration.ofDays(1));
      }
    }
    return new Span(start, end, stated.isPresent());
  }

  private static LocalDate dateBefore(List<DateMention> dates, int position, LocalDate fallback) {
    LocalDate found = fallback;
    for (DateMention d : dates) {
      if (d.end() <= position) {
        found = d.date();
      }
    }
    return found;
  }

  /** Dates as written that do not exist ("February 30, 2024"): reported, never rolled over. */
  static List<String> impossibleDates(String text) {
    String t = scanned(text);
    List<String> found = new ArrayList<>();
    for (Matcher m = ISO_DATE.matcher(t); m.find(); ) {
      impossible(found, m.group(), m.group(1), m.group(2), m.group(3));
    }
    for (Matcher m = MONTH_DAY_YEAR.matcher(t); m.find(); ) {
      impossible(found, m.group(), m.group(3), month(m.group(1)), m.group(2));
    }
    for (Matcher m = DAY_MONTH_YEAR.matcher(t); m.find(); ) {
      impossible(found, m.group(), m.group(3), month(m.group(2)), m.group(1));
    }
    return found;
  }

  private static void impossible(List<String> found, String written, String year, String month, String day) {
    int mo = Integer.parseInt(month);
    int d = Integer.parseInt(day);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && date(year, month, day) == null) {
      found.add(written);
    }
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

  /** A date written on its own, as in a due-date cell: ISO, "June 1, 2025", "1 June 2025". */
  static Optional<LocalDate> parseDate(String text) {
    return text == null ? Optional.empty() : firstDate(text);
  }

  /**
   * A time at the very start of a timeline entry, with an optional date before it and an optional
   * zone after it: "2023-08-06 10:15 AM (UTC): …", "3:15 PM UTC: …", "[22:05] …", "[03-26 23:04]",
   * "January 15, 2:00 PM EST: …". A date without a year is a {@code monthDay}.
   */
  record Leading(LocalDate date, MonthDay monthDay, LocalTime time, ZoneId zone, String rest) {}

  private static final Pattern LEADING_OPEN = Pattern.compile("^[\\s\\[(*_`#]*");
  private static final Pattern LEADING_SEPARATOR =
      Pattern.compile("^[\\s\\])*_`]*(?:[:\\-–—|,.]+)?\\s*(?:[*_`]+\\s*)?");
  private static final Pattern MONTH_DAY = Pattern.compile(
      "(?i)^(?:" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})[-/](\\d{1,2})(?=[\\s,T]+\\d))[,\\sT]+");

  static Optional<Leading> leading(String line) {
    String s = scanned(line);
    Matcher open = LEADING_OPEN.matcher(s);
    int pos = open.find() ? open.end() : 0;
    LocalDate date = null;
    MonthDay monthDay = null;
    List<DateMention> dates = dates(s.substring(pos, Math.min(s.length(), pos + 40)));
    Matcher md = MONTH_DAY.matcher(s).region(pos, s.length());
    if (!dates.isEmpty() && dates.get(0).start() == 0) {
      date = dates.get(0).date();
      pos += dates.get(0).end();
      while (pos < s.length() && (s.charAt(pos) == ',' || s.charAt(pos) == ' ' || s.charAt(pos) == 'T')) {
        pos++;
      }
    } else if (md.lookingAt()) {
      monthDay = monthDay(md.group(1) != null ? month(md.group(1)) : md.group(3),
          md.group(1) != null ? md.group(2) : md.group(4));
      if (monthDay != null) {
        pos = md.end();
      }
    }
    Matcher time = TIME.matcher(s);
    time.region(pos, s.length());
    if (!time.lookingAt()) {
      return Optional.empty();
    }
    LocalTime t =
        time.group(1) != null
            ? time(time.group(1), time.group(2), time.group(3), time.group(4))
            : time(time.group(5), "0", null, time.group(6));
    if (t == null) {
      return Optional.empty();
    }
    pos = time.end();
    ZoneId zone = null;
    Matcher z = Zones.AFTER_TIME.matcher(s);
    z.region(pos, s.length());
    if (z.lookingAt()) {
      zone = Zones.named(z.group(1)).orElse(null);
      pos = zone == null ? pos : z.end();
    }
    Matcher sep = LEADING_SEPARATOR.matcher(s);
    sep.region(pos, s.length());
    if (sep.lookingAt()) {
      pos = sep.end();
    }
    String rest = (s.length() < line.length() ? line : s).substring(pos).strip();
    return Optional.of(new Leading(date, monthDay, t, zone, rest));
  }

  private static MonthDay monthDay(String month, String day) {
    try {
      return MonthDay.of(Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static String month(String name) {
    String n = name.toLowerCase(Locale.ROOT).substring(0, 3);
    int index = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(n);
    return String.valueOf(index + 1);
  }

  private static LocalTime time(String hour, String minute, String second, String meridiem) {
    try {
      int h = Integer.parseInt(hour);
      int m = Integer.parseInt(minute);
      int s = second == null ? 0 : Integer.parseInt(second);
      if (meridiem != null) {
        if (h < 1 || h > 12) {
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
