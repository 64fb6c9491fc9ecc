package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Patterns 3 and 4: zone and date lines in timelines, and the time formats people write. */
class TimelineZonesAndFormatsTest {
  @Test
  void allTimesInLineSetsTheZoneAndIsNoEntry() {
    Postmortem p = md("""
        # Cache outage

        Incident date: 2023-03-04

        ## Timeline

        All times in PST.

        - 10:00 Cache nodes evicted
        - 11:30 Cache warm again
        """);
    assertThat(p.timeline()).extracting("at").containsExactly(
        Instant.parse("2023-03-04T18:00:00Z"), Instant.parse("2023-03-04T19:30:00Z"));
  }

  @Test
  void dateLineWithZoneSetsBothForTheEntriesAfterIt() {
    Postmortem p = md("""
        # Cache outage

        ## Timeline

        2019-01-22 (all times UTC)

        - 23:50 Cache nodes evicted

        2019-01-23

        - 00:20 Cache warm again
        """);
    assertThat(p.timeline()).extracting("at").containsExactly(
        Instant.parse("2019-01-22T23:50:00Z"), Instant.parse("2019-01-23T00:20:00Z"));
  }

  @Test
  void headingNamesARegionZoneWithDaylightSaving() {
    Postmortem p = md("""
        # Cache outage

        Incident date: 2023-07-04

        ## Timeline (all times Pacific Time)

        - 10:00 Cache nodes evicted
        """);
    assertThat(p.timeline().get(0).at()).isEqualTo(Instant.parse("2023-07-04T17:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
    "[13:26] Alert fires; 13:26; UTC",
    "[03-26 23:04] Alert fires; 23:04; UTC",
    "(Nov 5, 2023, 21:30) Alert fires; 21:30; UTC",
    "20:23 UTC: Alert fires; 20:23; UTC",
    "January 15, 2:00 PM EST: Alert fires; 14:00; -05:00",
    "10:15 AM GMT+02:00 Alert fires; 10:15; +02:00",
    "09:00 PDT - Alert fires; 09:00; -07:00",
    "09:00 CET - Alert fires; 09:00; +01:00",
    "09:00 WAT - Alert fires; 09:00; +01:00",
  })
  void leadingTimeFormats(String line, String time, String zone) {
    var leading = Leading.of(line).orElseThrow();
    assertThat(leading.time()).isEqualTo(LocalTime.parse(time));
    assertThat(leading.rest()).isEqualTo("Alert fires");
    if (!zone.equals("UTC")) {
      assertThat(leading.zone()).isEqualTo(ZoneOffset.of(zone));
    }
  }

  @Test
  void anOffsetIsNeverReadAsASecondTime() {
    assertThat(Times.times("10:15 AM GMT+02:00")).hasSize(1);
  }
}
