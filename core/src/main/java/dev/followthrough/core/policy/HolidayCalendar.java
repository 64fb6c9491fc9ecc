package dev.followthrough.core.policy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/** The days off that business-day deadlines skip besides Saturdays and Sundays. */
public interface HolidayCalendar {
  /** Whether work stops on this day (for a holiday moved off a weekend, the day it is observed). */
  boolean isHoliday(LocalDate day);

  /** What the calendar is, as the configuration names it ({@code US}, a file, {@code none}). */
  String name();

  /** No holidays: only weekends are skipped. */
  static HolidayCalendar none() {
    return of("none", Set.of());
  }

  /** These days. */
  static HolidayCalendar of(String name, Collection<LocalDate> days) {
    return new FixedHolidays(name, Set.copyOf(days));
  }

  /**
   * The public holidays of a country ({@code US}, {@code DE}) or one of its regions ({@code US-NY},
   * {@code DE-BY}), through Jollyday, observed days included.
   *
   * @throws IllegalArgumentException naming the code when Jollyday does not know it
   */
  static HolidayCalendar region(String code) {
    return RegionHolidays.of(code);
  }

  /**
   * The all-day events of an iCalendar file ({@code DTSTART;VALUE=DATE:20261225}).
   *
   * @throws IllegalArgumentException naming the file and line when it cannot be read
   */
  static HolidayCalendar ics(Path file) {
    return IcsHolidays.read(file);
  }
}
