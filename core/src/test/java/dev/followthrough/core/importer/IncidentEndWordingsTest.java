package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Start and end as blog posts, on-call chats and chain operators tell them: the story under a
 * first heading that names the incident, "resolution is confirmed", "the chain resumes".
 */
class IncidentEndWordingsTest {
  @Test
  void theOpeningProseUnderAFirstHeadingIsTheSummaryWhenNoSummarySectionExists() {
    Postmortem p = md("""
        ## 2026-02-03 Registry outage

        Between 2026-02-03 09:10 UTC and 2026-02-03 10:40 UTC the registry refused every push.

        ## What we changed

        - Add an alert on certificate expiry
        """);
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2026-02-03T09:10:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2026-02-03T10:40:00Z"));
  }

  @Test
  void aConfirmedResolutionEndsTheIncident() {
    Postmortem p = md("""
        # Webhook handler down

        ## Timeline

        - 2026-02-03 14:00 UTC: the hook pod crash-loops
        - 2026-02-03 14:12 UTC: config rewritten with the repair script
        - 2026-02-03 14:30 UTC: the on-call announces resolution is confirmed complete
        - 2026-02-03 15:00 UTC: the mailing list is told
        """);
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2026-02-03T14:30:00Z"));
  }

  @Test
  void theChainResumingEndsTheHalt() {
    Postmortem p = md("""
        # Testnet halt

        ## Timeline

        - 2026-02-03 08:00 UTC: the chain halts at block 1200
        - 2026-02-04 11:00 UTC: the fixed release is announced to validators
        - 2026-02-04 13:30 UTC: two thirds of the validators upgrade and the chain resumes
        """);
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2026-02-04T13:30:00Z"));
  }

  @Test
  void askingToConfirmTheResolutionIsNotTheEnd() {
    Postmortem p = md("""
        # Routing rule broke a customer

        ## Timeline

        - 2026-02-03 17:00 UTC: the rule change is applied
        - 2026-02-03 23:40 UTC: rule reverted; we reach out to the customer to confirm resolution
        - 2026-02-03 23:45 UTC: the customer confirms the resolution
        """);
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2026-02-03T23:45:00Z"));
  }
}
