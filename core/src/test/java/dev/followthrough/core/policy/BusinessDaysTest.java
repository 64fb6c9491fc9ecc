package dev.followthrough.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deadlines in working days, with holidays from Jollyday or an iCalendar file, and by severity. */
class BusinessDaysTest {
  private static final WorkingDays WEEKDAYS = WorkingDays.businessDays(HolidayCalendar.none());

  @Test
  void weekendsAreSkipped() {
    // Friday 2026-12-04 + 1 working day is Monday 12-07; + 5 is the next Friday.
    assertThat(WEEKDAYS.plus(LocalDate.of(2026, 12, 4), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(WEEKDAYS.plus(LocalDate.of(2026, 12, 4), 5)).isEqualTo(LocalDate.of(2026, 12, 11));
    // Counting from a Saturday: the first working day is Monday.
    assertThat(WEEKDAYS.plus(LocalDate.of(2026, 12, 5), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(WEEKDAYS.plus(LocalDate.of(2026, 12, 5), 0)).isEqualTo(LocalDate.of(2026, 12, 5));
    assertThat(WorkingDays.calendarDays().plus(LocalDate.of(2026, 12, 4), 1)).isEqualTo(LocalDate.of(2026, 12, 5));
  }

  @Test
  void acrossTheYearEndWithUsHolidays() {
    WorkingDays us = WorkingDays.businessDays(HolidayCalendar.region("US"));
    // Wed 2026-12-23: Thu 24, (Fri 25 Christmas), Mon 28, Tue 29, Wed 30, Thu 31, (Fri 2027-01-01), Mon 4.
    assertThat(us.plus(LocalDate.of(2026, 12, 23), 6)).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(WEEKDAYS.plus(LocalDate.of(2026, 12, 23), 6)).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void acrossALeapDay() {
    // Fri 2028-02-25 + 2 working days: Mon 02-28, Tue 02-29 (the leap day counts as a working day).
    assertThat(WEEKDAYS.plus(LocalDate.of(2028, 2, 25), 2)).isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(WEEKDAYS.plus(LocalDate.of(2028, 2, 25), 3)).isEqualTo(LocalDate.of(2028, 3, 1));
    assertThat(WorkingDays.calendarDays().plus(LocalDate.of(2028, 2, 28), 2)).isEqualTo(LocalDate.of(2028, 3, 1));
  }

  @Test
  void anObservedHolidayIsADayOff() {
    HolidayCalendar us = HolidayCalendar.region("US");
    // 2026-07-04 is a Saturday: the holiday is taken on Friday 07-03.
    assertThat(us.isHoliday(LocalDate.of(2026, 7, 3))).isTrue();
    WorkingDays days = WorkingDays.businessDays(us);
    // Thu 2026-07-02 + 1 working day skips Fri 07-03 (observed) and the weekend: Monday 07-06.
    assertThat(days.plus(LocalDate.of(2026, 7, 2), 1)).isEqualTo(LocalDate.of(2026, 7, 6));
    // 2027-12-25 is a Saturday, observed on Friday 2027-12-24; 2028-01-01 too, observed on 2027-12-31.
    assertThat(us.isHoliday(LocalDate.of(2027, 12, 24))).isTrue();
    assertThat(us.isHoliday(LocalDate.of(2027, 12, 31))).isTrue();
    assertThat(days.plus(LocalDate.of(2027, 12, 23), 1)).isEqualTo(LocalDate.of(2027, 12, 27));
  }

  @Test
  void aRegionAddsItsOwnHolidays() {
    // Epiphany (01-06) is a holiday in Bavaria, not in all of Germany.
    assertThat(HolidayCalendar.region("DE-BY").isHoliday(LocalDate.of(2027, 1, 6))).isTrue();
    assertThat(HolidayCalendar.region("DE").isHoliday(LocalDate.of(2027, 1, 6))).isFalse();
    assertThatThrownBy(() -> HolidayCalendar.region("XX")).hasMessageContaining("'XX'");
    assertThatThrownBy(() -> HolidayCalendar.region("US-ZZ")).hasMessageContaining("no region ZZ");
  }

  @Test
  void icsAllDayEventsAreDaysOff(@TempDir Path dir) throws Exception {
    Path ics = dir.resolve("team.ics");
    Files.writeString(ics, """
        BEGIN:VCALENDAR
        VERSION:2.0
        BEGIN:VEVENT
        SUMMARY:Company day
        DTSTART;VALUE=DATE:20261207
        END:VEVENT
        BEGIN:VEVENT
        SUMMARY:Winter break
        DTSTART;VALUE=DATE:20261228
        DTEND;VALUE=DATE:20261231
        END:VEVENT
        END:VCALENDAR
        """);
    HolidayCalendar team = HolidayCalendar.ics(ics);
    assertThat(team.isHoliday(LocalDate.of(2026, 12, 7))).isTrue();
    assertThat(team.isHoliday(LocalDate.of(2026, 12, 30))).isTrue();
    assertThat(team.isHoliday(LocalDate.of(2026, 12, 31))).as("DTEND is exclusive").isFalse();
    // Fri 12-04 + 1: Mon 12-07 is off, so Tue 12-08.
    assertThat(WorkingDays.businessDays(team).plus(LocalDate.of(2026, 12, 4), 1)).isEqualTo(LocalDate.of(2026, 12, 8));
  }

  @Test
  void aBadIcsNamesTheFileAndLine(@TempDir Path dir) throws Exception {
    Path ics = dir.resolve("bad.ics");
    Files.writeString(ics, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261207T090000Z\nEND:VEVENT\nEND:VCALENDAR\n");
    assertThatThrownBy(() -> HolidayCalendar.ics(ics)).hasMessageContaining("bad.ics line 3");
    Files.writeString(ics, "not a calendar\n");
    assertThatThrownBy(() -> HolidayCalendar.ics(ics)).hasMessageContaining("no BEGIN:VCALENDAR");
    Files.writeString(ics, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260230\nEND:VEVENT\nEND:VCALENDAR\n");
    assertThatThrownBy(() -> HolidayCalendar.ics(ics)).hasMessageContaining("line 3").hasMessageContaining("not a date");
  }

  @Test
  void severityTablesReplaceThePriorityTableWhereTheyGiveDays() {
    DueDatePolicy policy = DueDatePolicy.standard().withDueDays("SEV1", Priority.P1, 7).withDueDays("sev1", Priority.P2, 14);
    assertThat(policy.dueDaysFor("SEV1", Priority.P1)).isEqualTo(7);
    assertThat(policy.dueDaysFor("Sev 1 (major)", Priority.P2)).isEqualTo(14);
    assertThat(policy.dueDaysFor("SEV1", Priority.P3)).as("falls back to the priority table").isEqualTo(56);
    assertThat(policy.dueDaysFor("SEV2", Priority.P1)).isEqualTo(14);
    assertThat(policy.dueDaysFor(null, Priority.P1)).isEqualTo(14);
    assertThatThrownBy(() -> policy.withDueDays("critical", Priority.P1, 3)).hasMessageContaining("dueDays.critical");
  }

  @Test
  void aPostmortemGetsDueDatesBySeverityInBusinessDays() {
    DueDatePolicy policy = new DueDatePolicy(DueDatePolicy.standard().dueDays(), Priority.P3,
        Map.of("SEV1", Map.of(Priority.P1, 7)), WorkingDays.businessDays(HolidayCalendar.region("US")));
    // Ended Tue 2026-06-30; 7 working days: Jul 1, 2, (3 observed), 6, 7, 8, 9, 10.
    Postmortem sev1 = postmortem("SEV1", LocalDate.of(2026, 6, 30));
    ActionItem p1 = policy.apply(sev1, LocalDate.of(2026, 12, 1)).item("a").orElseThrow();
    assertThat(p1.dueDate()).isEqualTo(LocalDate.of(2026, 7, 10));
    ActionItem p1OfSev2 = policy.apply(postmortem("SEV2", LocalDate.of(2026, 6, 30)), LocalDate.of(2026, 12, 1))
        .item("a").orElseThrow();
    // 14 working days from 06-30, with 07-03 off: 07-21.
    assertThat(p1OfSev2.dueDate()).isEqualTo(LocalDate.of(2026, 7, 21));
  }

  @Test
  void verificationCountsBySeverityAndWorkingDays() {
    VerificationPolicy policy = VerificationPolicy.standard().withVerifyDays("SEV1", Priority.P1, 5)
        .withDays(WorkingDays.businessDays(HolidayCalendar.none()));
    ActionItem done = ActionItem.open("a", "Alert on lag").withPriority(Priority.P1).withStatus(ItemStatus.DONE);
    // Done Friday 2026-12-04: 5 working days is Friday 12-11; without severity 30 working days.
    assertThat(policy.settle(done, LocalDate.of(2026, 12, 4), "SEV1").verification().dueDate())
        .isEqualTo(LocalDate.of(2026, 12, 11));
    assertThat(policy.settle(done, LocalDate.of(2026, 12, 4)).verification().dueDate())
        .isEqualTo(LocalDate.of(2027, 1, 15));
  }

  private static Postmortem postmortem(String severity, LocalDate day) {
    return new Postmortem("pm", "Lag", severity, new IncidentSummary(day, null, null, null, null, null, null, null, null),
        List.of(), List.of(), List.of(ActionItem.open("a", "Alert on lag").withPriority(Priority.P1)), null, null);
  }
}
