package dev.followthrough.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine;

/** Reads {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 such as {@code PT15M}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      if (v.matches("\\d+(ms|s|m|h|d)")) {
        long n = Long.parseLong(v.replaceAll("[a-z]+$", ""));
        return switch (v.replaceAll("^\\d+", "")) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      // Fall through to the message below.
    }
    throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (use e.g. 90s, 15m, 2h, 1d or PT15M)");
  }
}
