package dev.followthrough.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.followthrough.core.model.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy:} keyed by severity, in business days, with holidays by code or from an ICS file. */
class PolicyConfigTest {
  final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get);

  @Test
  void severityTablesAndBusinessDays() {
    FollowthroughConfig c = loader.parse("""
        policy:
          dueDays: {P1: 10, SEV1: {P1: 7, P2: 14}}
          verifyDays: {sev2: {P3: 20}}
          businessDays: true
          holidays: US
        """, "followthrough.yaml");
    assertThat(c.policy().dueDaysFor("SEV1", Priority.P1)).isEqualTo(7);
    assertThat(c.policy().dueDaysFor("SEV1", Priority.P3)).isEqualTo(56);
    assertThat(c.policy().dueDaysFor("SEV3", Priority.P1)).isEqualTo(10);
    assertThat(c.verification().verifyDaysFor("SEV2", Priority.P3)).isEqualTo(20);
    assertThat(c.policy().days().describe()).isEqualTo("business days (holidays: US)");
    assertThat(c.verification().days()).isEqualTo(c.policy().days());
    assertThat(c.policy().days().isWorkingDay(LocalDate.of(2026, 7, 3))).isFalse();
  }

  @Test
  void unknownKeysAreNamed() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse("""
        policy:
          dueDays: {SEV1: {P1: 7, P9: 3}, SEV9: {P1: 1}, Critical: 4}
          verifyDays: {SEV2: {P1: -1}}
          businessDays: true
          holidays: ZZ
        """, "f.yaml"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("policy.dueDays.SEV1.P9: not a priority"))
        .anySatisfy(p -> assertThat(p).startsWith("policy.dueDays.SEV9: not a severity"))
        .anySatisfy(p -> assertThat(p).startsWith("policy.dueDays.Critical: not a priority"))
        .anySatisfy(p -> assertThat(p).startsWith("policy.verifyDays.SEV2.P1: '-1' must be a whole number"))
        .anySatisfy(p -> assertThat(p).startsWith("policy.holidays: 'ZZ' is not a country code"));
  }

  @Test
  void holidaysWithoutBusinessDaysIsAMistake() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> loader.parse("policy:\n  holidays: US\n", "f.yaml"));
    assertThat(e.problems()).singleElement().asString().startsWith("policy.holidays: only counts with businessDays");
  }

  @Test
  void anIcsPathIsRelativeToTheConfigFile(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("conf/cal"));
    Files.writeString(dir.resolve("conf/cal/team.ics"),
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261207\nEND:VEVENT\nEND:VCALENDAR\n");
    Path file = dir.resolve("conf/followthrough.yaml");
    Files.writeString(file, "policy:\n  businessDays: true\n  holidays: cal/team.ics\n");
    FollowthroughConfig c = loader.load(file);
    assertThat(c.policy().days().isWorkingDay(LocalDate.of(2026, 12, 7))).isFalse();
    assertThat(c.policy().days().isWorkingDay(LocalDate.of(2026, 12, 8))).isTrue();
  }

  @Test
  void aBadIcsIsNamedWithItsLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("h.ics"), "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-12-07\nEND:VEVENT\n");
    Path file = dir.resolve("followthrough.yaml");
    Files.writeString(file, "policy:\n  businessDays: true\n  holidays: h.ics\n");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
    assertThat(e.problems()).singleElement().asString().startsWith("policy.holidays: ").contains("h.ics line 3");
  }

  @Test
  void remindersBeforeDueAreWholeDays() {
    FollowthroughConfig c = loader.parse("notify:\n  beforeDue: [7d, 1d]\n", "f.yaml");
    assertThat(c.notifications().beforeDue()).containsExactly(7, 1);
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> loader.parse("notify:\n  beforeDue: [7d, 12h, soon]\n", "f.yaml"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("notify.beforeDue: '12h' is not a whole number of days"))
        .anySatisfy(p -> assertThat(p).startsWith("notify.beforeDue: 'soon'"));
  }
}
