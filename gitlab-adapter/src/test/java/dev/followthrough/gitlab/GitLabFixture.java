package dev.followthrough.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** A WireMock server running the GitLab simulator on a free local port, with a placeholder token. */
final class GitLabFixture implements AutoCloseable {
  static final Secret TOKEN = Secret.of("glpat-placeholder-gitlab-token");
  static final String PROJECT = "acme/sre/ops";

  final TestClock clock;
  final GitLabSimulator gitlab;
  final WireMockServer server;

  GitLabFixture() {
    this(TestClock.at("2025-06-01T10:00:00Z"));
  }

  /** A simulator on a given clock: one that follows real time serves a client in another process. */
  GitLabFixture(TestClock clock) {
    this.clock = clock;
    this.gitlab = new GitLabSimulator(TOKEN.reveal(), clock);
    this.server = new WireMockServer(wireMockConfig().dynamicPort().extensions(gitlab));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(ok()));
    gitlab.addUser("erin", "erin@example.com");
    gitlab.addUser("sam-o", null);
  }

  GitLabTrackerBuilder tracker() {
    return GitLabTracker.builder(PROJECT).url(URI.create(server.baseUrl())).token(TOKEN)
        .requestTimeout(Duration.ofMillis(1500)).clock(clock);
  }

  List<ServeEvent> requests(String method, String pathPart) {
    return server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getMethod().getName().equals(method))
        .filter(e -> e.getRequest().getUrl().contains(pathPart))
        .toList();
  }

  @Override
  public void close() {
    server.stop();
  }
}
