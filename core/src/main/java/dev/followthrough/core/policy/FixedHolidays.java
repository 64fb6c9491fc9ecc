package dev.followthrough.core.policy;

import java.time.LocalDate;
import java.util.Set;

/** A fixed set of days off, equal to another with the same name and days. */
record FixedHolidays(String name, Set<LocalDate> days) implements HolidayCalendar {
  FixedHolidays {
    days = Set.copyOf(days);
  }

  @Override
  public boolean isHoliday(LocalDate day) {
    return days.contains(day);
  }

  @Override
  public String toString() {
    return name + " (" + days.size() + " days)";
  }
}
