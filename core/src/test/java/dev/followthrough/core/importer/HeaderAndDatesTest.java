package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.markdown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A plain Markdown header keeps its title; an impossible date is a diagnostic on its line. */
class HeaderAndDatesTest {
  @Test
  void postmortemHeaderKeepsItsTitleAndMetadataStaysOutOfTheRootCause() {
    ParseResult r = markdown("""
        # Postmortem: Search latency spike after an index rebuild

        **Status:** Final
        **Incident date:** 2025-02-14
        **Severity:** SEV1

        ## Summary

        Search was slow for 40 minutes.

        ## Root cause

        An index rebuild ran during peak traffic.
        """);
    Postmortem p = r.postmortem();
    assertThat(p.title()).isEqualTo("Postmortem: Search latency spike after an index rebuild");
    assertThat(p.severity()).isEqualTo("SEV1");
    assertThat(p.incident().date()).isEqualTo(LocalDate.of(2025, 2, 14));
    assertThat(p.incident().rootCause()).isEqualTo("An index rebuild ran during peak traffic.");
    assertThat(Parsing.messages(r)).noneMatch(m -> m.contains("no title"));
  }

  @Test
  void february30IsADiagnosticWithItsLineNeverMarch1() {
    ParseResult r = markdown("""
        # Search slow

        - Incident date: February 30, 2024

        ## Action items

        - Rebuild indexes off-peak
        """);
    assertThat(r.postmortem().incident().date()).isNull();
    assertThat(Parsing.at(r, 3)).anySatisfy(d -> assertThat(d.message()).contains("February 30, 2024"));
  }

  @Test
  void anImpossibleStatedStartIsNotReplacedByATimelineEntryOfAnotherDay() {
    ParseResult r = markdown("""
        # Database failover

        ## Summary

        - Duration: February 30, 2024, 10:00 PM to March 1, 2024, 2:00 AM
        - Impact: writes failed

        ## Timeline

        - 10:00 PM Primary stops answering
        - 11:30 PM Failover started
        - 2:00 AM Writes succeed again

        ## Action Items

        - [ ] Add a failover drill
        """);
    assertThat(Parsing.at(r, 5)).anySatisfy(d -> assertThat(d.message()).contains("February 30, 2024"));
    assertThat(r.postmortem().incident().start()).isNull();
    assertThat(r.postmortem().incident().end()).isEqualTo(java.time.Instant.parse("2024-03-01T02:00:00Z"));
    assertThat(Parsing.messages(r)).noneMatch(m -> m.contains("incident start taken from"));
  }
}
