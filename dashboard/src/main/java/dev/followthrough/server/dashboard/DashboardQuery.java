package dev.followthrough.server.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * What a page or API request asks for: the day it is counted from and how far ahead is "due
 * soon". Both default as {@code report} does (today in the server's clock, 7 days).
 *
 * @param asOfGiven whether the request named the day; links then keep it
 */
record DashboardQuery(LocalDate asOf, boolean asOfGiven, int dueSoonDays, boolean dueSoonGiven) {
  static final int DEFAULT_DUE_SOON_DAYS = 7;

  /** Reads {@code asOf} and {@code dueSoonDays}; a bad value is a {@link BadRequestException} naming it. */
  static DashboardQuery parse(Function<String, String> param, Clock clock) {
    String day = blankToNull(param.apply("asOf"));
    String soon = blankToNull(param.apply("dueSoonDays"));
    LocalDate asOf;
    try {
      asOf = day == null ? LocalDate.now(clock) : LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw new BadRequestException("asOf: expected a date such as 2026-11-24, got '" + day + "'");
    }
    int days = DEFAULT_DUE_SOON_DAYS;
    if (soon != null) {
      try {
        days = Integer.parseInt(soon);
      } catch (NumberFormatException e) {
        days = -1;
      }
      if (days < 0 || days > 3650) {
        throw new BadRequestException("dueSoonDays: expected a whole number of days from 0 to 3650, got '" + soon + "'");
      }
    }
    return new DashboardQuery(asOf, day != null, days, soon != null);
  }

  /** The query string that keeps what the request named, for links between pages: {@code ?asOf=2026-11-24}. */
  String suffix() {
    StringBuilder s = new StringBuilder();
    if (asOfGiven) {
      s.append("asOf=").append(asOf);
    }
    if (dueSoonGiven) {
      s.append(s.isEmpty() ? "" : "&").append("dueSoonDays=").append(dueSoonDays);
    }
    return s.isEmpty() ? "" : "?" + s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
