package dev.followthrough.core.importer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timeline bullets written as labels: {@code Incident Start: 2025-08-18 23:15 UTC}, {@code
 * Detected: 23:30}, {@code Resolved: 2025-08-19 01:05 UTC}. The label is what happened, the time
 * after it when.
 */
final class LabelledTimes {
  // A short label of words without digits, a colon, then a date and time, perhaps a zone, perhaps more words.
  private static final Pattern LABEL_THEN_TIME = Pattern.compile(
      "([A-Za-z][A-Za-z /&-]{1,40}?):\\s+(\\d[\\d:./ -]*\\d(?:\\s*[AaPp]\\.?[Mm]\\.?)?(?:\\s+[A-Z]{2,5}\\b|\\s*\\([A-Z]{2,5}\\))?)(.*)");

  private LabelledTimes() {}

  /** The entry rewritten with its time first ("2025-08-18 23:15 UTC: Incident Start"), or empty. */
  static Optional<String> timeFirst(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon + 2 >= text.length() || !Character.isDigit(firstAfter(text, colon))) {
      return Optional.empty();
    }
    Matcher m = LABEL_THEN_TIME.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(m.group(2).strip() + ": " + m.group(1).strip() + m.group(3));
  }

  private static char firstAfter(String text, int colon) {
    int i = colon + 1;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i < text.length() ? text.charAt(i) : ' ';
  }
}
