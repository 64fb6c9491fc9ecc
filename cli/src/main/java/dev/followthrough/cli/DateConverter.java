package dev.followthrough.cli;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads a calendar date, {@code YYYY-MM-DD}, and says in plain words why a value is not one. */
final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
  private static final Pattern SHAPE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  @Override
  public LocalDate convert(String value) {
    Matcher m = SHAPE.matcher(value.strip());
    if (!m.matches()) {
      throw notADate(value, "expected YYYY-MM-DD, such as 2025-07-01");
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (month < 1 || month > 12) {
      throw notADate(value, "expected YYYY-MM-DD; month " + month + " does not exist");
    }
    int days = YearMonth.of(year, month).lengthOfMonth();
    if (day < 1 || day > days) {
      throw notADate(value, "expected YYYY-MM-DD; " + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
          + year + " has " + days + " days");
    }
    return LocalDate.of(year, month, day);
  }

  private static CommandLine.TypeConversionException notADate(String value, String why) {
    return new CommandLine.TypeConversionException(value + " is not a date (" + why + ")");
  }
}
