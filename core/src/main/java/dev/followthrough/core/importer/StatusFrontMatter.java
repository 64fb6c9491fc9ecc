package dev.followthrough.core.importer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Status-page issue files (cState and the Hugo status pages built like it): the front matter's
 * {@code date:} is when the issue began, as an instant with its offset
 * ({@code 2024-07-01T09:00:00-00:00}), and {@code resolvedWhen:} (or a {@code resolved:} holding an
 * instant rather than {@code true}) when it ended. A {@code date:} without a time is only the day.
 */
final class StatusFrontMatter {
  private StatusFrontMatter() {}

  static Instant start(FrontMatter front) {
    return instant(front.text("date"));
  }

  static Instant end(FrontMatter front) {
    Instant when = instant(front.text("resolvedWhen"));
    return when != null ? when : instant(front.text("resolved"));
  }

  private static Instant instant(String value) {
    if (value == null || value.length() < 16 || value.indexOf('T') != 10) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
