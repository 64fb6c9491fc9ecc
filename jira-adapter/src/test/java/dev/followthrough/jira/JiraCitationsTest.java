package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.model.TicketLink;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A document may cite another team's Jira issue; only the configured project's, on the configured site, are followed. */
class JiraCitationsTest {
  final JiraTracker tracker = JiraTracker.cloud(URI.create("https://acme.atlassian.net"), "bot@example.com",
      Secret.of("placeholder-token")).project("OPS").build();

  @Test
  void anIssueOfTheConfiguredProjectIsHeldWithOrWithoutItsUrl() {
    assertThat(tracker.holds(TicketLink.of("jira", "OPS-412", null))).isTrue();
    assertThat(tracker.holds(TicketLink.of("jira", "OPS-412", "https://acme.atlassian.net/browse/OPS-412"))).isTrue();
  }

  @Test
  void anotherProjectsKeyOrAnotherSitesUrlIsNotHeld() {
    assertThat(tracker.holds(TicketLink.of("jira", "NET-7", null))).isFalse();
    // OPSX-1 starts with the project's letters but is another project.
    assertThat(tracker.holds(TicketLink.of("jira", "OPSX-1", null))).isFalse();
    assertThat(tracker.holds(TicketLink.of("jira", "OPS-412", "https://partner.atlassian.net/browse/OPS-412"))).isFalse();
  }

  @Test
  void aUrlThatCannotBeReadLeavesTheDecisionToTheKey() {
    assertThat(tracker.holds(TicketLink.of("jira", "OPS-9", "https://acme.atlassian.net/browse/OPS-9 (see)"))).isTrue();
  }
}
