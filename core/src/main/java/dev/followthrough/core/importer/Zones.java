package dev.followthrough.core.importer;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time zones as postmortems name them: UTC, GMT+02:00, abbreviations (EST = UTC−5, taken
 * literally as written, whatever the season) and region names ("Pacific Time", daylight saving
 * applied). A new name is one line in {@link #NAMES}.
 */
final class Zones {
  private static final Map<String, ZoneId> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("UTC", ZoneOffset.UTC);
    NAMES.put("GMT", ZoneOffset.UTC);
    NAMES.put("Z", ZoneOffset.UTC);
    NAMES.put("EST", ZoneOffset.ofHours(-5));
    NAMES.put("EDT", ZoneOffset.ofHours(-4));
    NAMES.put("CST", ZoneOffset.ofHours(-6));
    NAMES.put("CDT", ZoneOffset.ofHours(-5));
    NAMES.put("MST", ZoneOffset.ofHours(-7));
    NAMES.put("MDT", ZoneOffset.ofHours(-6));
    NAMES.put("PST", ZoneOffset.ofHours(-8));
    NAMES.put("PDT", ZoneOffset.ofHours(-7));
    NAMES.put("AKST", ZoneOffset.ofHours(-9));
    NAMES.put("HST", ZoneOffset.ofHours(-10));
    NAMES.put("WET", ZoneOffset.UTC);
    NAMES.put("WEST", ZoneOffset.ofHours(1));
    NAMES.put("BST", ZoneOffset.ofHours(1));
    NAMES.put("CET", ZoneOffset.ofHours(1));
    NAMES.put("CEST", ZoneOffset.ofHours(2));
    NAMES.put("WAT", ZoneOffset.ofHours(1));
    NAMES.put("EET", ZoneOffset.ofHours(2));
    NAMES.put("EEST", ZoneOffset.ofHours(3));
    NAMES.put("MSK", ZoneOffset.ofHours(3));
    NAMES.put("IST", ZoneOffset.ofHoursMinutes(5, 30));
    NAMES.put("SGT", ZoneOffset.ofHours(8));
    NAMES.put("JST", ZoneOffset.ofHours(9));
    NAMES.put("KST", ZoneOffset.ofHours(9));
    NAMES.put("AEST", ZoneOffset.ofHours(10));
    NAMES.put("AEDT", ZoneOffset.ofHours(11));
    NAMES.put("NZST", ZoneOffset.ofHours(12));
    NAMES.put("NZDT", ZoneOffset.ofHours(13));
    NAMES.put("PACIFIC TIME", ZoneId.of("America/Los_Angeles"));
    NAMES.put("PACIFIC", ZoneId.of("America/Los_Angeles"));
    NAMES.put("PT", ZoneId.of("America/Los_Angeles"));
    NAMES.put("MOUNTAIN TIME", ZoneId.of("America/Denver"));
    NAMES.put("CENTRAL TIME", ZoneId.of("America/Chicago"));
    NAMES.put("EASTERN TIME", ZoneId.of("America/New_York"));
    NAMES.put("ET", ZoneId.of("America/New_York"));
  }

  private static final String OFFSET = "(?:UTC|GMT)\\s*[+\\-−]\\s*\\d{1,2}(?::?\\d{2})?";
  private static final String ABBREVIATIONS =
      "(?-i:" + String.join("|", NAMES.keySet().stream().filter(n -> n.length() > 1 && !n.contains(" ")).toList()) + ")"
          + "|(?i:pacific|mountain|central|eastern)\\s+(?i:time)|(?i:utc|gmt)";
  /** Any zone, where it stands in a line. */
  static final Pattern ANY = Pattern.compile("(?i)(?<![\\w])(" + OFFSET + "|" + ABBREVIATIONS + ")(?![\\w])");
  /** A zone right after a time: "10:15 AM (UTC)", "22:05 GMT+02:00", "13:26Z". */
  // A short word is taken here and looked up by named(): cheaper than trying every name.
  static final Pattern AFTER_TIME = Pattern.compile("\\s*\\(?\\s*(" + OFFSET
      + "|(?:pacific|mountain|central|eastern)\\s+time|[a-z]{1,5})\\s*\\)?", Pattern.CASE_INSENSITIVE);

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern OFFSET_NAME = Pattern.compile("^(?:UTC|GMT) ?([+-]) ?(\\d{1,2})(?::?(\\d{2}))?$");

  private Zones() {}

  /** A region id such as "US/Pacific" or "Europe/Berlin"; daylight saving follows the date. */
  private static final Pattern REGION = Pattern.compile("\\b((?:America|Europe|Asia|Africa|Australia|Pacific|US)/[A-Z][A-Za-z_]+)\\b");

  /** The first zone named in the text. */
  static Optional<ZoneId> find(String text) {
    Matcher r = REGION.matcher(text);
    if (r.find()) {
      try {
        return Optional.of(ZoneId.of(r.group(1)));
      } catch (DateTimeException e) {
        // Not a region the JDK knows; look for another name.
      }
    }
    Matcher m = ANY.matcher(text);
    return m.find() ? named(m.group(1)) : Optional.empty();
  }

  private static boolean hasBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (LeadingScan.isBlank(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A zone from its written name: "UTC", "utc+2", "GMT+02:00", "PST", "Pacific Time". */
  static Optional<ZoneId> named(String written) {
    String name = written.strip().replace('−', '-');
    // Most names are one word ("UTC", "PST"): the expression runs only where there is a blank to fold.
    name = hasBlank(name) ? SPACES.matcher(name).replaceAll(" ") : name;
    name = name.toUpperCase(Locale.ROOT);
    ZoneId known = NAMES.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    if (!name.startsWith("UTC") && !name.startsWith("GMT")) {
      return Optional.empty();
    }
    Matcher m = OFFSET_NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    int sign = m.group(1).equals("-") ? -1 : 1;
    try {
      return Optional.of(ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(m.group(2)),
          sign * (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
