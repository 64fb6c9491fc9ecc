package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Classes of documents that state an incident's start and end, each on a document written here. */
class IncidentClassRulesTest {
  /**
   * Class: status-page issue files (cState-style front matter): {@code date:} is the start as an
   * instant with its offset, {@code resolvedWhen:} the end; {@code resolved: true} alone is no end.
   */
  @Test
  void statusPageFrontMatterGivesStartAndEnd() {
    Postmortem p = md("""
        ---
        title: Builds failing on the CI agents
        date: 2024-10-02T08:15:00-02:00
        resolved: true
        resolvedWhen: 2024-10-02T11:40:00-02:00
        section: issue
        ---

        [Resolved]
        Agents are back.
        """);
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2024-10-02T10:15:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2024-10-02T13:40:00Z"));

    Postmortem open = md("""
        ---
        title: Mirror slow
        date: 2024-10-02
        resolved: true
        ---

        [Investigating]
        Downloads are slow.
        """);
    assertThat(open.incident().start()).isNull();
    assertThat(open.incident().end()).isNull();
  }

  /**
   * Class: reports whose date and time are headings rather than metadata lines ("## Date:
   * December 08, 2022", "## Time: 5:13:57 UTC"): the headings are the summary's fields.
   */
  @Test
  void dateAndTimeHeadingsAreTheIncidentsStart() {
    Postmortem p = md("""
        ## Incident report for the missed payout

        ## Date: March 14, 2023

        ## Time: 6:20:05 UTC

        ## Details:

        The payout job did not run.

        ## Recommendations:

        Alerting on the payout job should be added.
        """);
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2023-03-14T06:20:05Z"));
  }

  /**
   * Class: timelines that end by closing the incident ("PyPI admins close the incident", "Incident
   * closed", "outage ends"): that entry is the end; "Incident declared" opens the response and is
   * no end.
   */
  @Test
  void closingTheIncidentIsItsEndAndDeclaringItIsNot() {
    Postmortem p = md("""
        # Login outage

        Date: 2024-09-10

        ## Timeline

        - 08:00: logins start failing
        - 08:10: incident declared
        - 08:40: session store restarted
        - 09:15: admins close the incident
        """);
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2024-09-10T09:15:00Z"));
  }
}
