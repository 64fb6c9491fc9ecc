package dev.followthrough.core.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Days off from an iCalendar file (RFC 5545), as calendar tools export a team's or a country's
 * holidays: each {@code VEVENT}'s all-day {@code DTSTART;VALUE=DATE:yyyymmdd}, through the day
 * before its {@code DTEND;VALUE=DATE} when it spans several days (the end is exclusive, §3.6.1).
 * Events with a time of day are not days off and are refused, so that a wrong export is noticed.
 */
final class IcsHolidays {
  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
  /** A multi-day event longer than this is taken for a mistake (a vacation calendar, a typo). */
  private static final int MAX_EVENT_DAYS = 31;

  private IcsHolidays() {}

  static HolidayCalendar read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    Set<LocalDate> days = new HashSet<>();
    boolean calendar = false;
    boolean inEvent = false;
    LocalDate start = null;
    LocalDate end = null;
    int eventLine = 0;
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1).strip();
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.equals("BEGIN:VCALENDAR")) {
        calendar = true;
      } else if (upper.equals("BEGIN:VEVENT")) {
        inEvent = true;
        start = null;
        end = null;
        eventLine = n;
      } else if (upper.equals("END:VEVENT")) {
        if (start == null) {
          throw problem(file, eventLine, "VEVENT without an all-day DTSTART");
        }
        LocalDate last = end == null ? start : end.minusDays(1);
        if (last.isBefore(start) || last.isAfter(start.plusDays(MAX_EVENT_DAYS))) {
          throw problem(file, n, "DTEND must be after DTSTART and within " + MAX_EVENT_DAYS + " days of it");
        }
        for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
          days.add(d);
        }
        inEvent = false;
      } else if (inEvent && (upper.startsWith("DTSTART") || upper.startsWith("DTEND"))) {
        LocalDate date = date(file, n, line);
        if (upper.startsWith("DTSTART")) {
          start = date;
        } else {
          end = date;
        }
      }
    }
    if (!calendar) {
      throw problem(file, 1, "not an iCalendar file (no BEGIN:VCALENDAR)");
    }
    if (inEvent) {
      throw problem(file, eventLine, "VEVENT without END:VEVENT");
    }
    return HolidayCalendar.of(file.getFileName().toString(), days);
  }

  /** The date of {@code DTSTART;VALUE=DATE:20261225} (or {@code DTSTART:20261225}). */
  private static LocalDate date(Path file, int n, String line) {
    int colon = line.indexOf(':');
    String value = colon < 0 ? "" : line.substring(colon + 1).strip();
    if (!value.matches("\\d{8}")) {
      throw problem(file, n, "'" + line + "' is not an all-day date (DTSTART;VALUE=DATE:yyyymmdd)");
    }
    try {
      return LocalDate.parse(value, BASIC);
    } catch (DateTimeParseException e) {
      throw problem(file, n, "'" + value + "' is not a date");
    }
  }

  private static IllegalArgumentException problem(Path file, int line, String what) {
    return new IllegalArgumentException(file + " line " + line + ": " + what);
  }
}
