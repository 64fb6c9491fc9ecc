package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TimelineEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Classes of timelines, each on a document written here: what the class is, and that the rule for
 * it reads every document of the class the same way.
 */
class TimelineClassRulesTest {
  /**
   * Class: timed group headings with a title ("### 10:45-11:37 AM: Fix work", "### ~9:40 AM:
   * Detection") over timed bullets on a 12-hour clock without AM/PM; the bullets are the entries,
   * the heading lends its half of the day, and an hour below the heading's first hour is past noon.
   */
  @Test
  void titledTimeHeadingsGroupTwelveHourBulletsAndLendThemTheirHalfOfTheDay() {
    Postmortem p = md("""
        # Queue outage

        Date: 2024-06-03

        ## Timeline

        ### ~9:40 AM: Detection
        - 9:41: pager fires for queue depth
        - 9:55: on-call acknowledges

        ### 11:30-12:45 AM: Fix work
        - 11:30: patch written
        - 12:10: patch reviewed
        - 1:05: patch deployed
        """);
    assertThat(p.timeline()).extracting(TimelineEntry::at).containsExactly(
        Instant.parse("2024-06-03T09:41:00Z"), Instant.parse("2024-06-03T09:55:00Z"),
        Instant.parse("2024-06-03T11:30:00Z"), Instant.parse("2024-06-03T12:10:00Z"),
        Instant.parse("2024-06-03T13:05:00Z"));
    assertThat(p.timeline()).extracting(TimelineEntry::text).first().isEqualTo("pager fires for queue depth");
  }

  /**
   * Class: a timed heading inside a timeline whose title uses an action-section word ("### 4:10 PM:
   * Follow-up", "### 17:00: Next steps") is a stretch of the timeline, not the action list.
   */
  @Test
  void aTimedHeadingNamedLikeFollowUpStaysInTheTimeline() {
    Postmortem p = md("""
        # Queue outage

        Date: 2024-06-03

        ## Timeline

        ### 3:00-3:30 PM: Recovery
        - 3:00: queue drains
        - 3:20: errors stop

        ### 4:10-4:50 PM: Post-incident follow-up
        - 4:10: status page updated
        - 4:45: customers told

        ## Action items
        - Alert on queue age
        """);
    assertThat(p.timeline()).hasSize(4);
    assertThat(p.timeline().get(3).at()).isEqualTo(Instant.parse("2024-06-03T16:45:00Z"));
    assertThat(p.actionItems()).extracting(i -> i.title()).containsExactly("Alert on queue age");
  }

  /**
   * Class: day headings without a year at the Timeline heading's own level ("## May 12", "## 15
   * May") over time headings: they continue the timeline and give their day to the times below.
   */
  @Test
  void dayHeadingsWithoutAYearContinueTheTimelineAndDateTheTimesBelow() {
    Postmortem p = md("""
        # Storage incident 2024

        Date: 2024-03-04

        ## Timeline

        ## March 4

        ### 22:10
        Disk alert fires

        ## 6 March

        ### 09:30
        Volume replaced

        ## Action items
        - Alert earlier on disk growth
        """);
    assertThat(p.timeline()).extracting(TimelineEntry::at).containsExactly(
        Instant.parse("2024-03-04T22:10:00Z"), Instant.parse("2024-03-06T09:30:00Z"));
    assertThat(p.actionItems()).hasSize(1);
  }

  /**
   * Class: a time alone on its line with what happened on the lines below it, blank lines
   * included, until the next time (notes taken during an incident, chat exports).
   */
  @Test
  void aTimeAloneOnItsLineTakesTheLinesBelowItAsItsText() {
    Postmortem p = md("""
        # Hub outage

        Date: 2024-05-02

        ## Timeline

        9:00
        Alert fires

        9:10
        Engineer restarts the hub
        and watches memory

        Memory keeps growing

        9:40
        Limit raised, hub stable
        """);
    assertThat(p.timeline()).extracting(TimelineEntry::at).containsExactly(Instant.parse("2024-05-02T09:00:00Z"),
        Instant.parse("2024-05-02T09:10:00Z"), Instant.parse("2024-05-02T09:40:00Z"));
    assertThat(p.timeline()).extracting(TimelineEntry::text).containsExactly("Alert fires",
        "Engineer restarts the hub and watches memory Memory keeps growing", "Limit raised, hub stable");
  }

  /**
   * Class: four-digit times without a colon, after a date ("2024-04-09 1405: …") or with a zone
   * ("1405Z", "1520 UTC"); four digits without either (a year, a count) are no time.
   */
  @Test
  void fourDigitTimesAfterADateOrWithAZoneAreTimes() {
    // The last bullet's "2024" is a year: no entry at 20:24, a note on the entry before.
    Postmortem p = md("""
        # Cache outage

        Date: 2024-04-09

        ## Timeline

        - 2024-04-09 1405: cache nodes start evicting
        - 2024-04-09 1432: cache resized
        - 1510Z: traffic back to normal
        - 2024 budgets were unchanged
        """);
    assertThat(p.timeline()).extracting(TimelineEntry::at).containsExactly(Instant.parse("2024-04-09T14:05:00Z"),
        Instant.parse("2024-04-09T14:32:00Z"), Instant.parse("2024-04-09T15:10:00Z"));
    assertThat(p.timeline().get(0).text()).isEqualTo("cache nodes start evicting");
  }

  /**
   * Class: details in sub-bullets under a timed entry ("- 19:06: cut the builds:" over "  -
   * Mainnet: 0.5.8") belong to that entry; a timed sub-bullet is an entry of its own.
   */
  @Test
  void untimedSubBulletsDetailTheirTimedEntry() {
    Postmortem p = md("""
        # Release outage

        Date: 2024-04-09

        ## Timeline

        - 19:06: release manager cuts the builds:
          - Mainnet: 0.5.8
          - Testnet: 0.5.9
        - 19:30: builds deployed
          - 19:45: first node upgraded
        """);
    assertThat(p.timeline()).extracting(TimelineEntry::text)
        .containsExactly("release manager cuts the builds:", "builds deployed", "first node upgraded");
  }

  /**
   * Class: in a list of timed entries, an entry with a date but no time ("- 2024-04-08: report
   * received", "- 2024-04-09 X: …") is an entry at that day, not a note on the entry before.
   */
  @Test
  void aDatedEntryWithoutATimeInATimedListIsAnEntryOfItsOwn() {
    Postmortem p = md("""
        # Token leak

        Date: 2024-04-10

        ## Timeline

        - 2024-04-08 09:00: token committed
        - 2024-04-09: report received
        - 2024-04-10 11:09: token revoked
        - 2024-04-10 11:26: audit done
        """);
    assertThat(p.timeline()).extracting(TimelineEntry::at).containsExactly(Instant.parse("2024-04-08T09:00:00Z"),
        Instant.parse("2024-04-09T00:00:00Z"), Instant.parse("2024-04-10T11:09:00Z"), Instant.parse("2024-04-10T11:26:00Z"));
  }
}
