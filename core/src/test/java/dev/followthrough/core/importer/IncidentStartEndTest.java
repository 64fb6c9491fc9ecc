package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pattern 5: start and end from markers and durations, never from a chat log. */
class IncidentStartEndTest {
  @Test
  void endsWordedAsReleaseEngineeringAndStatusPagesWordThem() {
    String template = """
        # Builds failing

        Incident date: 2022-09-12

        ## Timeline

        - 09:00 UTC: builds start failing
        - 09:40 UTC: bad commit backed out
        - 10:05 UTC: %s
        - 10:30 UTC: retrospective scheduled
        """;
    for (String end : java.util.List.of("trees re-opened", "OUTAGE MITIGATED", "Natural Resolution",
        "the hub comes up with a new volume", "the chart is brought online there", "users report the error was fixed")) {
      assertThat(md(template.formatted(end)).incident().end()).as(end).isEqualTo(Instant.parse("2022-09-12T10:05:00Z"));
    }
  }

  @Test
  void anEndToldAsUntilOrClosedInTheSummary() {
    Postmortem until = md("""
        # Jobs stuck

        ## Summary

        On 2022-09-12 jobs were stuck from 20:06 until 22:05 UTC, and nobody was paged.

        ## Action items

        - Alert on stuck jobs
        """);
    assertThat(until.incident().end()).isEqualTo(Instant.parse("2022-09-12T22:05:00Z"));
    Postmortem closed = md("""
        # Jobs stuck

        ## Summary

        Jobs stopped at 08:10 UTC on 2022-09-12. The incident was closed by the on-call engineer at 10:40 UTC.

        ## Action items

        - Alert on stuck jobs
        """);
    assertThat(closed.incident().end()).isEqualTo(Instant.parse("2022-09-12T10:40:00Z"));
  }

  @Test
  void outageMarkersInTheTimelineGiveStartAndEnd() {
    Postmortem p = md("""
        # Payments down

        Incident date: 2022-09-12

        ## Timeline

        - 09:40 Deploy of the payments service
        - 09:52 OUTAGE BEGINS: card payments fail
        - 10:05 Rollback started
        - 10:31 OUTAGE ENDS: payments succeed again
        - 11:00 Follow-up meeting
        """);
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2022-09-12T09:52:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2022-09-12T10:31:00Z"));
  }

  @Test
  void anEndToldBelowAnEntrysFirstParagraphCounts() {
    Postmortem p = md("""
        # Builds stuck

        ## Timeline

        ### 2022-09-12 08:00

        Builds stop starting.

        ### 09:10

        Queue workers restarted.

        After the restart, builds are back to normal.

        ### 12:00

        Review of the queue settings.
        """);
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2022-09-12T08:00:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2022-09-12T09:10:00Z"));
    assertThat(p.timeline().get(1).text()).isEqualTo("Queue workers restarted.");
  }

  @Test
  void goingDownStartsAndWorkingAgainEndsTheIncident() {
    Postmortem p = md("""
        # Docs site down

        Incident date: 2022-09-12

        ## Timeline

        - 09:40 Default branch renamed
        - 09:42 Site is hard down, alerts fire
        - 09:50 Deploy job restarted, site partly restored
        - 10:05 Pages are served again and the site is working again
        """);
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2022-09-12T09:42:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2022-09-12T10:05:00Z"));
  }

  @Test
  void durationWithAStartGivesTheEnd() {
    Postmortem p = md("""
        # Payments down

        - Start: 2022-09-12 09:52 UTC
        - Duration: 15 hours 40 minutes
        """);
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2022-09-12T09:52:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2022-09-13T01:32:00Z"));
  }

  @Test
  void aChatLogInAnAppendixNeverSuppliesTheTimes() {
    Postmortem p = md("""
        # Payments down

        - Incident date: 2022-09-12

        ## Summary

        Card payments failed for part of a morning.

        ## Appendix: chat log

        ```
        [09:12] alice: anyone seeing errors?
        ```

        09:15 bob: yes, since 09:10
        09:20 alice: rolling back
        09:25 bob: fixed
        """);
    assertThat(p.incident().start()).isNull();
    assertThat(p.incident().end()).isNull();
  }
}
