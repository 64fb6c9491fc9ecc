package dev.followthrough.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.TicketLink;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A cited issue of another project is never followed: the item gets an issue of its own in the configured one. */
class GitLabCitationsTest {
  static GitLabTracker tracker(String project) {
    return GitLabTracker.builder(project).url(URI.create("https://gitlab.example")).token(GitLabFixture.TOKEN).build();
  }

  @Test
  void aBareNumberOrTheConfiguredProjectsPathIsHeld() {
    GitLabTracker t = tracker("acme/sre/ops");
    assertThat(t.holds(TicketLink.of("gitlab", "12", null))).isTrue();
    assertThat(t.holds(TicketLink.of("gitlab", "Acme/SRE/ops#12", "https://gitlab.example/acme/sre/ops/-/issues/12"))).isTrue();
  }

  @Test
  void anotherProjectsIssueIsNotHeld() {
    GitLabTracker t = tracker("acme/sre/ops");
    assertThat(t.holds(TicketLink.of("gitlab", "acme/web#12", "https://gitlab.example/acme/web/-/issues/12"))).isFalse();
  }

  @Test
  void aProjectGivenByNumericIdHoldsEveryCitation() {
    assertThat(tracker("4242").holds(TicketLink.of("gitlab", "acme/web#12", null))).isTrue();
  }
}
