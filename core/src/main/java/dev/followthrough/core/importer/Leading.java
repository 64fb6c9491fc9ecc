package dev.followthrough.core.importer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import static dev.followthrough.core.importer.LeadingScan.mayBeZone;
import static dev.followthrough.core.importer.LeadingScan.mayStartMonthDay;
import static dev.followthrough.core.importer.LeadingScan.separatorEnd;
import static dev.followthrough.core.importer.LeadingScan.skipSpaces;
import static dev.followthrough.core.importer.LeadingScan.startsMonthOrDay;

/**
 * A time at the very start of a timeline entry, with an optional date before it and an optional
 * zone after it: "2023-08-06 10:15 AM (UTC): …", "3:15 PM UTC: …", "[22:05] …", "[03-26 23:04]",
 * "January 15, 2:00 PM EST: …", "12:45 PM PST Saturday Oct 30th: …". A date without a year is a
 * {@code monthDay}.
 */
record Leading(LocalDate date, MonthDay monthDay, LocalTime time, ZoneId zone, String rest) {
  /** "2018-07-08 ca. 18:30", "~18:30": an approximate time is still the time. */
  private static final Pattern APPROXIMATELY = Pattern.compile("(?i)(?:ca\\.?|circa|about|around|approx\\.?|~)\\s*");
  private static final Pattern DATE_AFTER = Pattern.compile("(?i)\\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?"
      + Dates.MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?");
  private static final Pattern MONTH_DAY = Pattern.compile(
      "(?i)^(?:" + Dates.MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})[-/](\\d{1,2})(?=[\\s,T]+\\d))[,\\sT]+");

  /**
   * A zone or date after a time starts with a letter or "(": most entries go on with " - " or
   * ":", and skip both expressions.
   */
  private static boolean startsZone(String s, int pos) {
    int i = pos;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '(');
  }

  /** Where the text starts after blanks and opening marks ("[", "(", "*", "_", "`", "#"). */
  private static int openEnd(String s) {
    int i = 0;
    while (i < s.length() && isOpen(s.charAt(i))) {
      i++;
    }
    return i;
  }

  // The blanks of a regular expression's \\s, and the marks an entry may open with.
  private static boolean isOpen(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
        || c == '[' || c == '(' || c == '*' || c == '_' || c == '`' || c == '#';
  }

  static Optional<Leading> of(String line) {
    if (!Times.hasDigit(line, 48)) {
      return Optional.empty();
    }
    String s = Times.scanned(line);
    int pos = openEnd(s);
    // A leading time or date starts with a digit, or with a month name soon followed by one.
    if (pos >= s.length() || !(Character.isDigit(s.charAt(pos))
        || (Character.isLetter(s.charAt(pos)) && Times.hasDigit(s.subSequence(pos, Math.min(s.length(), pos + 12)), 12)))) {
      return Optional.empty();
    }
    LocalDate date = null;
    MonthDay monthDay = null;
    Dates.DateMention first = Dates.at(s, pos);
    // Each matcher is made only where it runs: making one costs as much as a short match.
    Matcher md = first == null && mayStartMonthDay(s, pos) ? MONTH_DAY.matcher(s).region(pos, s.length()) : null;
    if (first != null) {
      date = first.date();
      pos = first.end();
      while (pos < s.length() && (s.charAt(pos) == ',' || s.charAt(pos) == ' ' || s.charAt(pos) == 'T')) {
        pos++;
      }
      Matcher approx = APPROXIMATELY.matcher(s).region(pos, s.length());
      pos = approx.lookingAt() ? approx.end() : pos;
    } else if (md != null && md.lookingAt()) {
      monthDay = Dates.monthDay(md.group(1) != null ? Dates.month(md.group(1)) : md.group(3),
          md.group(1) != null ? md.group(2) : md.group(4));
      if (monthDay != null) {
        pos = md.end();
      }
    }
    Matcher time = Times.TIME.matcher(s);
    time.region(pos, s.length());
    FourDigitTimes.Found four = null;
    if (!time.lookingAt() && (four = FourDigitTimes.at(s, pos, date != null)) == null) {
      return Optional.empty();
    }
    LocalTime t = four != null ? four.time()
        : time.group(1) != null
            ? Times.time(time.group(1), time.group(2), time.group(3), time.group(4))
            : Times.time(time.group(5), "0", null, time.group(6));
    if (t == null) {
      return Optional.empty();
    }
    pos = four != null ? four.end() : time.end();
    ZoneId zone = four != null && four.zulu() ? java.time.ZoneOffset.UTC : null;
    if (startsZone(s, pos) && mayBeZone(s, pos)) {
      Matcher z = Zones.AFTER_TIME.matcher(s).region(pos, s.length());
      if (z.lookingAt()) {
        zone = Zones.named(z.group(1)).orElse(null);
        pos = zone == null ? pos : z.end();
      }
    }
    Matcher after = date == null && monthDay == null && startsZone(s, pos) && startsMonthOrDay(s, skipSpaces(s, pos))
        ? DATE_AFTER.matcher(s).region(pos, s.length()) : null;
    if (after != null && after.lookingAt()) {
      MonthDay md2 = Dates.monthDay(Dates.month(after.group(1)), after.group(2));
      date = md2 != null && after.group(3) != null ? md2.atYear(Integer.parseInt(after.group(3))) : null;
      monthDay = date == null ? md2 : null;
      pos = md2 == null ? pos : after.end();
    }
    pos = separatorEnd(s, pos);
    String rest = (s.length() < line.length() ? line : s).substring(pos).strip();
    return Optional.of(new Leading(date, monthDay, t, zone, rest));
  }

}
