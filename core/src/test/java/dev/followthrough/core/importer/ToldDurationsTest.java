package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Start and end from durations told in sentences, and a report time that is no start. */
class ToldDurationsTest {
  @Test
  void aDurationInTheSummaryEndsAStatedStart() {
    Postmortem p = md("""
        # Installer release

        On 2022-06-01 at 10:05 UTC we published installer 3.2. This means that for roughly
        38 minutes, new installs failed on Windows.

        ## Root cause

        A path check rejected renamed binaries.
        """);
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2022-06-01T10:05:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2022-06-01T10:43:00Z"));
  }

  @Test
  void aReportTimeIsNoStartAndTheTimelinesIntroductionTellsTheDuration() {
    Postmortem p = md("""
        # Index lag

        On 2022-06-01 at 10:20 UTC we received a report that new packages were missing.

        ## Timeline

        It took 1 hour and 5 minutes from the start of the incident to the fix.

        - 10:02 UTC: a storage node drops writes
        - 10:20 UTC: a user reports missing packages
        - 10:40 UTC: the faulty node is found
        - 11:07 UTC: fix deployed
        """);
    assertThat(p.timeline()).hasSize(4);
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2022-06-01T10:02:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2022-06-01T11:07:00Z"));
  }

  @Test
  void aMarkedEndLessTheToldDurationFindsTheStart() {
    Postmortem p = md("""
        # Login errors

        ## Summary

        A config change broke logins for about 1h20m.

        ## Timeline

        ### 2022-06-01 09:00

        Config refactoring merged to staging.

        ### 09:30

        Config deployed to production; logins start failing.

        ### 10:50

        Fix deployed and the site is back online.
        """);
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2022-06-01T09:30:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2022-06-01T10:50:00Z"));
  }

  @Test
  void anEndToldInTheSummaryWinsOverASecondTimeThatIsNoEnd() {
    Postmortem p = md("""
        # Relay outage

        ## What happened

        On March 3rd '25 errors began around 08:00 UTC and became a full outage by 09:30 UTC.
        The outage was found by 11:10 UTC and resolved at 11:45 UTC.
        """);
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2025-03-03T08:00:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2025-03-03T11:45:00Z"));
  }

  @Test
  void anEndToldInTheResolutionCompletesATimelinesStart() {
    Postmortem p = md("""
        # Spam wave

        ## Timeline (all times UTC)

        - 2022-04-02 18:00 Spam transactions start filling the mempool
        - 2022-04-02 19:30 Fee guidance published

        ## Resolution

        On April 3, 2022 at about 06:15 UTC the sender ceased, and the mempool returned to normal.
        """);
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2022-04-03T06:15:00Z"));
  }

  @Test
  void mdxModulesAreNoPartOfTheDocument() {
    Postmortem p = md("""
        import { Layout } from '@/components/Layout'

        export const post = {
          date: '2025-04-20',
          title: 'Relay outage',
        }

        ## What happened

        On April 2, 2025 at 10:00 UTC relays stopped accepting connections; they were back online at 10:40 UTC.
        """);
    assertThat(p.incident().date()).isEqualTo(java.time.LocalDate.of(2025, 4, 2));
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2025-04-02T10:00:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2025-04-02T10:40:00Z"));
  }

  @Test
  void proseDurations() {
    assertThat(Times.proseDurationMinutes("unusable for about 1h50m")).contains(110L);
    assertThat(Times.proseDurationMinutes("It lasted 2 hours and 5 minutes.")).contains(125L);
    assertThat(Times.proseDurationMinutes("for approximately 47 minutes, CI failed")).contains(47L);
    assertThat(Times.proseDurationMinutes("we waited 5 minutes")).isEmpty();
  }
}
