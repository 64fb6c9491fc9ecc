package dev.followthrough.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Durations as people write them: {@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}, or ISO-8601 {@code PT15M}. */
public final class Durations {
  private Durations() {}

  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String v = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Optional.of(Duration.parse(v.toUpperCase(Locale.ROOT)));
      }
      if (v.matches("\\d+(ms|s|m|h|d)")) {
        long n = Long.parseLong(v.replaceAll("[a-z]+$", ""));
        return Optional.of(switch (v.replaceAll("^\\d+", "")) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        });
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
