package dev.followthrough.core.importer;

import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times written as four digits without a colon, military style: "1405Z", "1405 UTC", and after a
 * date "2022-02-02 1625: …". Four digits alone are more often a year or a count, so they are a
 * time only with a zone after them ("Z", "UTC", "GMT", "PST") or right after a date and before the
 * entry's separator.
 */
final class FourDigitTimes {
  private static final Pattern ZONED = Pattern.compile("([01]\\d|2[0-3])([0-5]\\d)(?:(Z)\\b|(?=\\s*(?:UTC|GMT|[A-Z]{1,3}T)\\b))");
  private static final Pattern DATED = Pattern.compile("([01]\\d|2[0-3])([0-5]\\d)(?=\\s*[:–—|]|\\s+-\\s)");

  private FourDigitTimes() {}

  /** A four-digit time at {@code pos}, its end, and whether it carried a "Z" (UTC). */
  record Found(LocalTime time, int end, boolean zulu) {}

  static Found at(String s, int pos, boolean afterDate) {
    if (pos + 4 > s.length() || (pos + 4 < s.length() && Character.isDigit(s.charAt(pos + 4)))) {
      return null;
    }
    Matcher m = ZONED.matcher(s).region(pos, s.length());
    if (!m.lookingAt()) {
      m = afterDate ? DATED.matcher(s).region(pos, s.length()) : null;
      if (m == null || !m.lookingAt()) {
        return null;
      }
      return new Found(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), m.end(), false);
    }
    return new Found(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), m.end(), m.group(3) != null);
  }
}
