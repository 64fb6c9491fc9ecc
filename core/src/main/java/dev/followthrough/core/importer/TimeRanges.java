package dev.followthrough.core.importer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timeline headings that name a span ({@code ### 10:07-10:29 AM:}) over bullets that are the
 * real entries ({@code - 10:07: deploy starts}): the bullets often drop the AM or PM, which the
 * heading gives.
 */
final class TimeRanges {
  private static final Pattern RANGE = Pattern.compile(
      "^(\\d{1,2}:\\d{2})\\s*(?:([AaPp])\\.?[Mm]\\.?)?\\s*[-–—]\\s*(\\d{1,2}:\\d{2})\\s*(?:([AaPp])\\.?[Mm]\\.?)?\\s*[A-Z]{0,5}\\s*:?\\s*$");
  private static final Pattern BARE_TIME = Pattern.compile("^(\\d{1,2}:\\d{2})(?!\\s*[AaPp]\\.?[Mm]\\b)(?=\\s*[:\\-–—]|\\s)");

  private TimeRanges() {}

  /**
   * The span's "AM" or "PM" ("" when it gives none) when {@code heading}, one of {@code nodes}, is
   * only a span of times and the next thing below it is a bullet that opens with a time; a span over
   * a paragraph ("### 12:43 - 12:49" then what happened) is an entry of its own.
   */
  static Optional<String> over(java.util.List<Outline.Node> nodes, Outline.SubHeading heading) {
    Optional<String> half = meridiem(heading.text());
    int at = half.isPresent() ? nodes.indexOf(heading) : -1;
    for (int i = at + 1; at >= 0 && i < nodes.size(); i++) {
      if (!(nodes.get(i) instanceof Outline.Blank)) {
        boolean timedBullet = nodes.get(i) instanceof Outline.Bullet b && !b.text().isEmpty()
            && Character.isDigit(b.text().charAt(0));
        return timedBullet ? half : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The span's "AM" or "PM" ("" when it gives none), when the heading is only a span of times. */
  static Optional<String> meridiem(String heading) {
    if (heading.isEmpty() || !Character.isDigit(heading.charAt(0))) {
      return Optional.empty();
    }
    Matcher m = RANGE.matcher(heading.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String half = m.group(4) != null ? m.group(4) : m.group(2);
    return Optional.of(half == null ? "" : half.toUpperCase(java.util.Locale.ROOT) + "M");
  }

  /** "10:07: deploy starts" under a PM span reads "10:07 PM: deploy starts"; a stated AM or PM stays. */
  static String withMeridiem(String text, String meridiem) {
    if (meridiem.isEmpty()) {
      return text;
    }
    Matcher m = BARE_TIME.matcher(text);
    return m.find() ? m.group(1) + " " + meridiem + text.substring(m.end(1)) : text;
  }
}
