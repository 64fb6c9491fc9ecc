package dev.followthrough.core.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as postmortems write them: ISO, "March 10, 2024", "10 March 2024", "3/10/2024". */
final class Dates {
  static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
  private static final Pattern ISO_DATE =
      Pattern.compile("(?=\\d)(?<!\\d)(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?!\\d)");
  // "November 5th '24": a year cut to two digits after an apostrophe.
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("(?i)\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4}|['’]\\d{2})\\b");
  /** "January 14-19, 2026": a range of days; its first day. */
  private static final Pattern MONTH_RANGE_YEAR =
      Pattern.compile("(?i)\\b" + MONTH + "\\.?\\s+(\\d{1,2})\\s*[-–]\\s*\\d{1,2},?\\s+(\\d{4})\\b");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + "\\.?,?\\s+(\\d{4})\\b");
  /** "3/10/2024", "07-27-2023": month first unless the document is day first ({@link DateOrder}). */
  private static final Pattern US_DATE =
      Pattern.compile("(?=\\d)(?<![\\d/-])(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})(?![\\d-])");
  /** "5-26-21": a two-digit year, trusted only where a date is expected, as in a title. */
  private static final Pattern SHORT_US_DATE =
      Pattern.compile("(?<![\\w./-])(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{2})(?![\\w/-])");

  private Dates() {}

  /** A date found in text, with where it starts and ends. */
  record DateMention(LocalDate date, int start, int end) {}

  /** Every format above has a four-digit year; text without four digits in a row has no date. */
  static boolean hasYear(CharSequence text) {
    return hasYear(text, 0, Math.min(text.length(), Times.SCAN_LIMIT));
  }

  /** {@link #hasYear(CharSequence)} of {@code text[from, to)}, without copying it out. */
  static boolean hasYear(CharSequence text, int from, int to) {
    int run = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      run = c >= '0' && c <= '9' ? run + 1 : 0;
      // "'24" counts too: two digits after an apostrophe.
      if (run == 4 || run == 2 && i >= from + 2 && (text.charAt(i - 2) == '\'' || text.charAt(i - 2) == '’')) {
        return true;
      }
    }
    return false;
  }

  private static final List<String> MONTH_STARTS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  /**
   * Whether the text holds the first three letters of a month: the expressions with a month name
   * try a dozen names at every word, and most lines (ISO dates, times only) have none.
   */
  static boolean hasMonthName(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String m : MONTH_STARTS) {
      if (lower.contains(m)) {
        return true;
      }
    }
    return false;
  }

  /** The date that starts exactly at {@code from}, if one does. */
  static DateMention at(String text, int from) {
    if (!hasYear(text, from, Math.min(text.length(), from + 40))) {
      return null;
    }
    Matcher m = ISO_DATE.matcher(text).region(from, text.length());
    if (m.lookingAt()) {
      LocalDate d = date(m.group(1), m.group(2), m.group(3));
      return d == null ? null : new DateMention(d, m.start(), m.end());
    }
    boolean named = hasMonthName(text);
    m = named ? MONTH_DAY_YEAR.matcher(text).region(from, text.length()) : null;
    if (m != null && m.lookingAt()) {
      LocalDate d = date(m.group(3), month(m.group(1)), m.group(2));
      return d == null ? null : new DateMention(d, m.start(), m.end());
    }
    m = named ? DAY_MONTH_YEAR.matcher(text).region(from, text.length()) : null;
    if (m != null && m.lookingAt()) {
      LocalDate d = date(m.group(3), month(m.group(2)), m.group(1));
      return d == null ? null : new DateMention(d, m.start(), m.end());
    }
    m = US_DATE.matcher(text).region(from, text.length());
    if (m.lookingAt()) {
      LocalDate d = numeric(m);
      return d == null ? null : new DateMention(d, m.start(), m.end());
    }
    return null;
  }

  static List<DateMention> dates(String text) {
    if (!hasYear(text)) {
      return List.of();
    }
    String t = Times.scanned(text);
    List<DateMention> found = new ArrayList<>();
    collect(ISO_DATE.matcher(t), found, m -> date(m.group(1), m.group(2), m.group(3)));
    boolean named = hasMonthName(t);
    if (named) {
      collect(MONTH_DAY_YEAR.matcher(t), found, m -> date(m.group(3), month(m.group(1)), m.group(2)));
      collect(DAY_MONTH_YEAR.matcher(t), found, m -> date(m.group(3), month(m.group(2)), m.group(1)));
    }
    collect(US_DATE.matcher(t), found, Dates::numeric);
    if (named) {
      collect(MONTH_RANGE_YEAR.matcher(t), found, m -> date(m.group(3), month(m.group(1)), m.group(2)));
    }
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

  /**
   * The date a title gives: any full date, else a short US one ("Website Outage 5-26-21", read as
   * 2021-05-26), which elsewhere could as well be a version or a score.
   */
  static Optional<LocalDate> titleDate(String title) {
    Optional<LocalDate> full = firstDate(title);
    if (full.isPresent() || title == null) {
      return full;
    }
    Matcher m = SHORT_US_DATE.matcher(Times.scanned(title));
    while (m.find()) {
      LocalDate d = date("20" + m.group(4), m.group(1), m.group(3));
      if (d != null) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** Dates as written that do not exist ("February 30, 2024"): reported, never rolled over. */
  static List<String> impossibleDates(String text) {
    if (!hasYear(text)) {
      return List.of();
    }
    String t = Times.scanned(text);
    List<String> found = new ArrayList<>();
    for (Matcher m = ISO_DATE.matcher(t); m.find(); ) {
      impossible(found, m.group(), m.group(1), m.group(2), m.group(3));
    }
    if (!hasMonthName(t)) {
      return found;
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

  /** A date written on its own, as in a due-date cell: ISO, "June 1, 2025", "1 June 2025". */
  static Optional<LocalDate> parseDate(String text) {
    return text == null ? Optional.empty() : firstDate(text);
  }

  static MonthDay monthDay(String month, String day) {
    try {
      return MonthDay.of(Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(String year, String month, String day) {
    try {
      if (year.length() == 3) {
        year = "20" + year.substring(1);
      }
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** "07-27-2023" month first; "29-09-2021", and every such date of a day-first document, day first. */
  private static LocalDate numeric(Matcher m) {
    if (DateOrder.dayFirst()) {
      return date(m.group(4), m.group(3), m.group(1));
    }
    LocalDate monthFirst = date(m.group(4), m.group(1), m.group(3));
    return monthFirst != null || Integer.parseInt(m.group(1)) <= 12 ? monthFirst : date(m.group(4), m.group(3), m.group(1));
  }

  static String month(String name) {
    String n = name.toLowerCase(Locale.ROOT).substring(0, 3);
    int index = MONTH_STARTS.indexOf(n);
    return String.valueOf(index + 1);
  }

}
