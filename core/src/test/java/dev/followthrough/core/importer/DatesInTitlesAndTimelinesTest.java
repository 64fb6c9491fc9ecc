package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TimelineEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** US dates with dashes, short dates in titles, and dates that lines give on their own. */
class DatesInTitlesAndTimelinesTest {
  @Test
  void aDocumentWithADayOver12ReadsAllItsNumericDatesDayFirst() {
    Postmortem p = md("""
        # Mirror outage

        ## Timeline

        - 29-09-2021 10:00 UTC: mirror stops syncing
        - 03-10-2021 09:00 UTC: mirror fixed

        ## Action items

        - Alert when the mirror is a day behind
        """);
    assertThat(p.timeline()).extracting(TimelineEntry::at)
        .containsExactly(Instant.parse("2021-09-29T10:00:00Z"), Instant.parse("2021-10-03T09:00:00Z"));
    Postmortem monthFirst = md("""
        # Mirror outage

        ## Timeline

        - 09-29-2021 10:00 UTC: mirror stops syncing
        - 10-03-2021 09:00 UTC: mirror fixed
        """);
    assertThat(monthFirst.timeline()).extracting(TimelineEntry::at)
        .containsExactly(Instant.parse("2021-09-29T10:00:00Z"), Instant.parse("2021-10-03T09:00:00Z"));
  }

  @Test
  void theDateOrderIsDecidedByTheUnambiguousDates() {
    assertThat(DateOrder.isDayFirst("on 29-09-2021 and 03-10-2021")).isTrue();
    assertThat(DateOrder.isDayFirst("on 03/10/2021")).isFalse();
    assertThat(DateOrder.isDayFirst("on 09/29/2021 and 29/09/2021")).isFalse();
    assertThat(DateOrder.isDayFirst("build 129-09-2021 and v1.29-09-2021")).isFalse();
  }

  @Test
  void aShortUsDateInTheTitleDatesATimelineOfBareTimes() {
    Postmortem p = md("""
        # Checkout outage 3-14-22

        ## Timeline

        - 09:05 AM UTC Payments start failing
        - 09:40 AM UTC Fix deployed
        """);
    assertThat(p.timeline()).extracting(TimelineEntry::at).containsExactly(
        Instant.parse("2022-03-14T09:05:00Z"), Instant.parse("2022-03-14T09:40:00Z"));
  }

  @Test
  void shortDatesAreTrustedOnlyInTitles() {
    assertThat(Dates.titleDate("Checkout outage 3-14-22")).contains(LocalDate.of(2022, 3, 14));
    assertThat(Dates.titleDate("Release 1.2-3-22 notes")).isEmpty();
    assertThat(Dates.firstDate("scored 3-14-22 in the final")).isEmpty();
  }

  @Test
  void monthFirstDatesWithDashesStartTimelineEntries() {
    Postmortem p = md("""
        # Queue stall

        ## Timeline (all times PST)

        11-02-2023 8:10 pm - Consumers stop acknowledging messages

        11-02-2023 8:25 pm - Consumers restarted

        11-20-2023 - Fix released in version 4.1
        """);
    assertThat(p.timeline()).extracting(TimelineEntry::at).containsExactly(
        Instant.parse("2023-11-03T04:10:00Z"), Instant.parse("2023-11-03T04:25:00Z"),
        Instant.parse("2023-11-20T00:00:00Z"));
    assertThat(p.timeline().get(2).text()).isEqualTo("Fix released in version 4.1");
  }

  @Test
  void aDatedLineAfterTimedLinesIsAnEntryNotANote() {
    Postmortem p = md("""
        # Queue stall

        ## Timeline (all times UTC)

        2023-11-02

        8:10 PM - Consumers stop acknowledging messages

        8:25 PM - Consumers restarted

        8:31 PM - Backlog drained

        2023-11-20 - Fix released
        """);
    assertThat(p.timeline()).hasSize(4);
    assertThat(p.timeline().get(3).at()).isEqualTo(Instant.parse("2023-11-20T00:00:00Z"));
  }

  @Test
  void tomlFrontMatterGivesTheTitleAndDatesTheSummary() {
    Postmortem p = md("""
        +++
        path = "2024/05/09/cache-incident"
        title = "Cache outage of April 30, 2024"
        authors = ["The Platform Team", "Ops"]

        [extra]
        team = "platform"
        +++

        On Tuesday, Apr 30, starting at about 14:00 UTC, the cache returned stale pages.

        ## Timeline

        - 14:12 UTC: Stale pages reported
        - 14:50 UTC: Cache flushed
        """);
    assertThat(p.title()).isEqualTo("Cache outage of April 30, 2024");
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2024-04-30T14:00:00Z"));
    assertThat(p.timeline().get(0).at()).isEqualTo(Instant.parse("2024-04-30T14:12:00Z"));
  }

  @Test
  void aLabelBetweenTimedHeadingsKeepsTheEntriesAfterItInTheTimeline() {
    Postmortem p = md("""
        # Billing jobs stuck

        ## Timeline

        ### 2022-05-01 10:00

        Jobs stop running.

        ### 2022-05-01 11:00

        Jobs run again.

        After recovery:

        ### 2022-05-02 09:00

        Missed invoices re-sent.
        """);
    assertThat(p.timeline()).hasSize(3);
    assertThat(p.timeline().get(2).at()).isEqualTo(Instant.parse("2022-05-02T09:00:00Z"));
    assertThat(Optional.ofNullable(p.timeline().get(2).text())).contains("Missed invoices re-sent.");
  }
}
