package dev.followthrough.cli;

import dev.followthrough.core.config.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 such as {@code PT15M}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return Durations.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
        "'" + value + "' is not a duration (use e.g. 90s, 15m, 2h, 1d or PT15M)"));
  }
}
