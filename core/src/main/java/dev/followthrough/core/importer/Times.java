package dev.followthrough.core.importer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private static final Pattern TIME =
      Pattern.compile(
          "(?i)(?<![\\d:.])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([ap])\\.?m\\.?(?![a-z])|(?!\\d|:\\d))"
              + "|(?<![\\d:.])(\\d{1,2})\\s*([ap])\\.?m\\.?(?![a-z])");
  private static final Pattern ZONE =
      Pattern.compile(
          "(?i)\\b(UTC|GMT)\\s*([+-−]\\s*\\d{1,2}(?::?\\d{2})?)?(?![a-z])"
              + "|\\b(EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|BST|IST|JST|AEST|AEDT|WET|EET|EEST)\\b");
  private static final Map<String, ZoneOffset> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("EST", ZoneOffset.ofHours(-5)),
          Map.entry("EDT", ZoneOffset.ofHours(-4)),
          Map.entry("CST", ZoneOffset.ofHours(-6)),
          Map.entry("CDT", ZoneOffset.ofHours(-5)),
          Map.entry("MST", ZoneOffset.ofHours(-7)),
          Map.entry("MDT", ZoneOffset.ofHours(-6)),
          Map.entry("PST", ZoneOffset.ofHours(-8)),
          Map.entry("PDT", ZoneOffset.ofHours(-7)),
          Map.entry("WET", ZoneOffset.UTC),
          Map.entry("CET", ZoneOffset.ofHours(1)),
          Map.entry("CEST", ZoneOffset.ofHours(2)),
          Map.entry("BST", ZoneOffset.ofHours(1)),
          Map.entry("EET", ZoneOffset.ofHours(2)),
          Map.entry("EEST", ZoneOffset.ofHours(3)),
          Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)),
          Map.entry("JST", ZoneOffset.ofHours(9)),
          Map.entry("AEST", ZoneOffset.ofHours(10)),
          Map.entry("AEDT", ZoneOffset.ofHours(11)));
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

  /** The time zone named in the text: UTC, GMT, UTC+2, EST… */
  static Optional<ZoneOffset> zone(String text) {
    Matcher m = ZONE.matcher(scanned(text));
    if (!m.find()) {
      return Optional.empty();
    }
    if (m.group(3) != null) {
      return Optional.of(ABBREVIATIONS.get(m.group(3).toUpperCase(Locale.ROOT)));
    }
    if (m.group(2) == null) {
      return Optional.of(ZoneOffset.UTC);
    }
    String offset = m.group(2).replace("−", "-").replace(" ", "");
    try {
      if (offset.matches("[+-]\\d{1,2}")) {
        return Optional.of(ZoneOffset.ofHours(Integer.parseInt(offset)));
      }
      String digits = offset.replace(":", "");
      int sign = digits.startsWith("-") ? -1 : 1;
      String hm = digits.substring(1);
      int h = Integer.parseInt(hm.substring(0, hm.length() - 2));
      int min = Integer.parseInt(hm.substring(hm.length() - 2));
      return Optional.of(ZoneOffset.ofHoursMinutes(sign * h, sign * min));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads an incident's start and end from text such as a {@code Duration:} field or a summary
   * sentence: the first time is the start, the second the end (on the next day when it is
   * earlier). A time takes the nearest date written before it, else {@code defaultDate}.
   */
  static Span span(String text, LocalDate defaultDate, ZoneOffset defaultZone) {
    List<TimeMention> times = times(text);
    List<DateMention> dates = dates(text);
    Optional<ZoneOffset> stated = zone(text);
    ZoneOffset zone = stated.orElse(defaultZone);
    if (times.isEmpty()) {
      return new Span(null, null, stated.isPresent());
    }
    LocalDate fallback = dates.isEmpty() ? defaultDate : dates.get(0).date();
    TimeMention first = times.get(0);
    LocalDate startDate = dateBefore(dates, first.start(), fallback);
    if (startDate == null) {
      return new Span(null, null, stated.isPresent());
    }
    Instant start = startDate.atTime(first.time()).toInstant(zone);
    Instant end = null;
    if (times.size() > 1) {
      TimeMention second = times.get(1);
      DateMention own = dates.stream()
          .filter(d -> d.start() > first.end() && d.end() <= second.start())
          .reduce((a, b) -> b)
          .orElse(null);
      LocalDate endDate = own != null ? own.date() : startDate;
      end = endDate.atTime(second.time()).toInstant(zone);
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
   * zone after it: "2023-08-06 10:15 AM (UTC): …", "3:15 PM UTC: …", "[22:05] …".
   */
  record Leading(LocalDate date, LocalTime time, ZoneOffset zone, String rest) {}

  private static final Pattern LEADING_OPEN = Pattern.compile("^[\\s\\[(*_`]*");
  private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[\\s\\])*_`]*(?:[:\\-–—|,.]+)?\\s*(?:[*_`]+\\s*)?");
  private static final Pattern LEADING_ZONE =
      Pattern.compile("^\\s*\\(?\\s*((?i:UTC|GMT)(?:\\s*[+-−]\\s*\\d{1,2}(?::?\\d{2})?)?"
          + "|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|BST|IST|JST|AEST|AEDT|WET|EET|EEST|Z)\\s*\\)?");

  static Optional<Leading> leading(String line) {
    String s = scanned(line);
    Matcher open = LEADING_OPEN.matcher(s);
    int pos = open.find() ? open.end() : 0;
    LocalDate date = null;
    List<DateMention> dates = dates(s.substring(pos, Math.min(s.length(), pos + 40)));
    if (!dates.isEmpty() && dates.get(0).start() == 0) {
      date = dates.get(0).date();
      pos += dates.get(0).end();
      while (pos < s.length() && (s.charAt(pos) == ',' || s.charAt(pos) == ' ' || s.charAt(pos) == 'T')) {
        pos++;
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
    ZoneOffset zone = null;
    Matcher z = LEADING_ZONE.matcher(s);
    z.region(pos, s.length());
    if (z.lookingAt()) {
      String name = z.group(1);
      zone = name.equals("Z") ? ZoneOffset.UTC : zone(name).orElse(null);
      pos = z.end();
    }
    Matcher sep = LEADING_SEPARATOR.matcher(s);
    sep.region(pos, s.length());
    if (sep.lookingAt()) {
      pos = sep.end();
    }
    String rest = (s.length() < line.length() ? line : s).substring(pos).strip();
    return Optional.of(new Leading(date, t, zone, rest));
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
