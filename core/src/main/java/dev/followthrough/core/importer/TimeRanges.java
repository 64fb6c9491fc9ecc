package dev.followthrough.core.importer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timeline headings that group the timed bullets below them rather than being entries: a span
 * ({@code ### 10:07-10:29 AM:}) or a single time ({@code ### ~9:43 AM: Identifying the issue}),
 * with or without a title after it, over bullets that are the real entries
 * ({@code - 10:07: deploy starts}). The bullets often drop the AM or PM, which the heading gives;
 * a bullet hour below the heading's first hour has passed noon (or midnight) since.
 */
final class TimeRanges {
  private static final Pattern RANGE = Pattern.compile(
      "^~?\\s*(\\d{1,2}):\\d{2}\\s*(?:([AaPp])\\.?[Mm]\\.?)?(?:\\s*[-–—]\\s*\\d{1,2}:\\d{2}\\s*(?:([AaPp])\\.?[Mm]\\.?)?)?"
          + "\\s*(?:[A-Z]{2,5}\\b)?\\s*(?:[:–—-].*)?$");
  private static final Pattern BARE_TIME = Pattern.compile("^(\\d{1,2})(:\\d{2})(?!\\s*[AaPp]\\.?[Mm]\\b)(?=\\s*[:\\-–—]|\\s)");

  /** A grouping heading's half of the day ("AM", "PM", or "" when it gives none) and its first hour. */
  record Span(String meridiem, int firstHour) {}

  private TimeRanges() {}

  /**
   * The span when {@code heading}, one of {@code nodes}, opens with a time or a span of times and
   * the next thing below it is a bullet that opens with a time; a timed heading over a paragraph
   * ("### 12:43 - 12:49" then what happened) is an entry of its own.
   */
  static Optional<Span> over(java.util.List<Outline.Node> nodes, Outline.SubHeading heading) {
    Optional<Span> span = span(heading.text());
    int at = span.isPresent() ? nodes.indexOf(heading) : -1;
    for (int i = at + 1; at >= 0 && i < nodes.size(); i++) {
      if (!(nodes.get(i) instanceof Outline.Blank)) {
        boolean timedBullet = nodes.get(i) instanceof Outline.Bullet b && !b.text().isEmpty()
            && Character.isDigit(b.text().charAt(0)) && Leading.of(b.text()).isPresent();
        return timedBullet ? span : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The span, when the heading opens with a time or a span of times. */
  static Optional<Span> span(String heading) {
    String h = heading.strip();
    if (h.isEmpty() || !(Character.isDigit(h.charAt(0)) || h.charAt(0) == '~')) {
      return Optional.empty();
    }
    Matcher m = RANGE.matcher(h);
    if (!m.matches()) {
      return Optional.empty();
    }
    String half = m.group(3) != null ? m.group(3) : m.group(2);
    return Optional.of(new Span(half == null ? "" : half.toUpperCase(java.util.Locale.ROOT) + "M",
        Integer.parseInt(m.group(1))));
  }

  /**
   * "10:07: deploy starts" under an AM span reads "10:07 AM: deploy starts", and "1:17" under a
   * span from 10:45 AM reads "1:17 PM"; a stated AM or PM, and a 24-hour time, stay.
   */
  static String withMeridiem(String text, Span span) {
    if (span.meridiem().isEmpty()) {
      return text;
    }
    Matcher m = BARE_TIME.matcher(text);
    if (!m.find()) {
      return text;
    }
    int hour = Integer.parseInt(m.group(1));
    if (hour < 1 || hour > 12) {
      return text;
    }
    int first = span.firstHour() % 12;
    boolean passed = hour % 12 < first;
    String half = passed == span.meridiem().equals("AM") ? "PM" : "AM";
    return m.group(1) + m.group(2) + " " + half + text.substring(m.end(2));
  }
}
