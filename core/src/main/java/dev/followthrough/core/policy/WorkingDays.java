package dev.followthrough.core.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How days are counted from an incident to a deadline: every calendar day, or working days only
 * (Monday to Friday, skipping the holidays of a calendar).
 *
 * @param businessDays whether only working days count
 * @param holidays the days off besides weekends; {@link HolidayCalendar#none()} for none
 */
public record WorkingDays(boolean businessDays, HolidayCalendar holidays) {
  /** More days off in a row than this is a calendar that marks every day, not a real one. */
  private static final int MAX_DAYS_OFF = 60;

  public WorkingDays {
    holidays = holidays == null ? HolidayCalendar.none() : holidays;
  }

  /** Every day counts. */
  public static WorkingDays calendarDays() {
    return new WorkingDays(false, HolidayCalendar.none());
  }

  /** Monday to Friday, less these holidays. */
  public static WorkingDays businessDays(HolidayCalendar holidays) {
    return new WorkingDays(true, Objects.requireNonNull(holidays, "holidays"));
  }

  /**
   * The day {@code days} days after {@code from}. With business days, each counted day is a working
   * day, so a deadline never falls on a weekend or holiday (0 days leaves {@code from} as it is).
   */
  public LocalDate plus(LocalDate from, int days) {
    if (!businessDays) {
      return from.plusDays(days);
    }
    LocalDate day = from;
    int idle = 0;
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
        idle = 0;
      } else if (++idle > MAX_DAYS_OFF) {
        throw new IllegalStateException("holidays " + holidays.name() + " leave no working day after " + day.minusDays(idle));
      }
    }
    return day;
  }

  /** Whether this day counts: always with calendar days; else a weekday that is no holiday. */
  public boolean isWorkingDay(LocalDate day) {
    if (!businessDays) {
      return true;
    }
    DayOfWeek d = day.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.isHoliday(day);
  }

  /** {@code calendar days}, or {@code business days (holidays: US)}. */
  public String describe() {
    return businessDays ? "business days (holidays: " + holidays.name() + ")" : "calendar days";
  }
}
