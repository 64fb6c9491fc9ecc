package dev.followthrough.core.importer;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Day headings over a timeline that leave out the year: "## May 12", "## 15 May", "**Tuesday,
 * March 3**", "Wed 4th Jan". They give the day to the times beneath them and are no entries; the
 * year is the one the timeline is in. (A day heading with a year is a {@link TimelineContext}.)
 */
final class DayHeadings {
  private static final String WEEKDAY = "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
  private static final Pattern MONTH_FIRST = Pattern.compile(
      "(?i)^" + WEEKDAY + Dates.MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*[:.]?$");
  private static final Pattern DAY_FIRST = Pattern.compile(
      "(?i)^" + WEEKDAY + "(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + Dates.MONTH + "\\.?\\s*[:.]?$");
  private static final int MAX_LENGTH = 32;

  private DayHeadings() {}

  /** The day a heading or line names, when it is only a day of a month (markup and a weekday aside). */
  static Optional<MonthDay> of(String text) {
    String t = Regex.replaceAll(text, "[*_#]", "").strip();
    if (t.isEmpty() || t.length() > MAX_LENGTH || !Times.hasDigit(t, MAX_LENGTH)) {
      return Optional.empty();
    }
    Matcher m = MONTH_FIRST.matcher(t);
    if (m.matches()) {
      return Optional.ofNullable(Dates.monthDay(Dates.month(m.group(1)), m.group(2)));
    }
    m = DAY_FIRST.matcher(t);
    return m.matches() ? Optional.ofNullable(Dates.monthDay(Dates.month(m.group(2)), m.group(1))) : Optional.empty();
  }

  /** Whether the heading names a day, with or without its year: it continues a timeline. */
  static boolean isDay(String text) {
    return of(text).isPresent() || TimelineContext.of(text).map(c -> c.date() != null && c.zone() == null).orElse(false);
  }

  /** The date a day-only line gives in the year of {@code day}; empty when there is no year to use. */
  static Optional<TimelineContext> context(String text, LocalDate day) {
    return day == null ? Optional.empty() : of(text).map(md -> new TimelineContext(md.atYear(day.getYear()), null));
  }
}
