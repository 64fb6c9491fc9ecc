package dev.followthrough.core.policy;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A country's or region's public holidays from Jollyday's calendars, read once per year. */
final class RegionHolidays implements HolidayCalendar {
  private final String code;
  private final HolidayManager manager;
  private final String[] region;
  private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

  private RegionHolidays(String code, HolidayManager manager, String[] region) {
    this.code = code;
    this.manager = manager;
    this.region = region;
  }

  static RegionHolidays of(String code) {
    String[] parts = code.strip().toUpperCase(Locale.ROOT).split("-", 2);
    if (!HolidayManager.getSupportedCalendarCodes().contains(parts[0])) {
      throw new IllegalArgumentException("'" + code + "' is not a country code that has a holiday calendar"
          + " (such as US, GB, DE, FR, or a region such as US-NY)");
    }
    HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(parts[0].toLowerCase(Locale.ROOT)));
    String[] region = new String[0];
    if (parts.length == 2) {
      String sub = parts[1].toLowerCase(Locale.ROOT);
      if (!manager.getCalendarHierarchy().getChildren().containsKey(sub)) {
        throw new IllegalArgumentException("'" + code + "': " + parts[0] + " has no region " + parts[1]
            + " (regions: " + String.join(", ", manager.getCalendarHierarchy().getChildren().keySet().stream()
                .map(k -> k.toUpperCase(Locale.ROOT)).sorted().toList()) + ")");
      }
      region = new String[] {sub};
    }
    return new RegionHolidays(code.strip().toUpperCase(Locale.ROOT), manager, region);
  }

  @Override
  public boolean isHoliday(LocalDate day) {
    return byYear.computeIfAbsent(day.getYear(), this::daysOff).contains(day);
  }

  /**
   * The year's days off: each public holiday's own date, and the day it is observed when it falls
   * on a weekend (US Independence Day on a Saturday is taken on the Friday before). A holiday
   * observed in the next or previous year belongs to that year, so both neighbours are read.
   */
  private Set<LocalDate> daysOff(int year) {
    Set<LocalDate> days = new HashSet<>();
    for (int y = year - 1; y <= year + 1; y++) {
      for (Holiday h : manager.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, region)) {
        days.add(h.getActualDate());
        h.getObservedDate().ifPresent(days::add);
      }
    }
    days.removeIf(d -> d.getYear() != year);
    return Set.copyOf(days);
  }

  @Override
  public String name() {
    return code;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegionHolidays r && r.code.equals(code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code;
  }
}
