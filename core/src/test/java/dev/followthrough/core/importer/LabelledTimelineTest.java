package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TimelineEntry;
import dev.followthrough.core.model.TimelineKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Timelines written as labelled bullets: the label says what happened, the time after it when. */
class LabelledTimelineTest {
  @Test
  void labelBulletsAreTheTimelineAndMarkStartAndEnd() {
    Postmortem p = md("""
        # Gateway outage

        ## Timeline

        - **Deploy:** 2025-08-18 23:05 UTC
        - **Incident Start:** 2025-08-18 23:15 UTC
        - **Detected:** 2025-08-18 23:30 UTC
        - **Resolved:** 2025-08-19 01:05 UTC

        ## Action items

        - Add a synthetic check for the gateway
        """);
    assertThat(p.timeline()).extracting(TimelineEntry::at).containsExactly(Instant.parse("2025-08-18T23:05:00Z"),
        Instant.parse("2025-08-18T23:15:00Z"), Instant.parse("2025-08-18T23:30:00Z"), Instant.parse("2025-08-19T01:05:00Z"));
    assertThat(p.timeline()).extracting(TimelineEntry::text).containsExactly("Deploy", "Incident Start", "Detected", "Resolved");
    assertThat(p.timeline().get(2).kind()).isEqualTo(TimelineKind.DETECTION);
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2025-08-18T23:15:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2025-08-19T01:05:00Z"));
  }

  @Test
  void aLabelWithATimeInsideASentenceIsNotRewritten() {
    Postmortem p = md("""
        # Gateway outage

        Incident date: 2025-08-18

        ## Timeline

        - 23:15 UTC: Note: 3 of 5 gateways failed their health check
        - 23:40 UTC: gateways restarted
        """);
    assertThat(p.timeline()).extracting(TimelineEntry::text)
        .containsExactly("Note: 3 of 5 gateways failed their health check", "gateways restarted");
  }

  @Test
  void aTimelineIndentedFourSpacesIsStillTheTimeline() {
    Postmortem p = md("""
        # Cache outage

        Date: 2024-02-01

        ## Timeline

            10:00 UTC cache node fails
            10:20 UTC traffic moved to the replica
            10:45 UTC cache node replaced

        ## Action items

        - Alert on cache node health

        ## Details

            $ redis-cli info replication
            10:00 role:master
        """);
    assertThat(p.timeline()).extracting(TimelineEntry::at).containsExactly(Instant.parse("2024-02-01T10:00:00Z"),
        Instant.parse("2024-02-01T10:20:00Z"), Instant.parse("2024-02-01T10:45:00Z"));
    assertThat(p.timeline().get(1).line()).isEqualTo(8);
  }

  @Test
  void aSpanHeadingOverTimedBulletsGivesTheBulletsItsHalfOfTheDay() {
    Postmortem p = md("""
        # Deploy outage

        Date: 2024-02-01

        ## Timeline

        ### 10:07-10:29 AM UTC:

        - 10:07: deploy starts
        - 10:29: rollback done

        ### 1:10-1:40 PM UTC:

        - 1:10: second deploy
        - 1:40: errors back to normal
        """);
    assertThat(p.timeline()).extracting(TimelineEntry::at).containsExactly(Instant.parse("2024-02-01T10:07:00Z"),
        Instant.parse("2024-02-01T10:29:00Z"), Instant.parse("2024-02-01T13:10:00Z"), Instant.parse("2024-02-01T13:40:00Z"));
    assertThat(p.timeline()).extracting(TimelineEntry::text)
        .containsExactly("deploy starts", "rollback done", "second deploy", "errors back to normal");
  }
}
