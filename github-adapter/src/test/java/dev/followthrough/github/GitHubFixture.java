package dev.followthrough.github;

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

/** A WireMock server running the GitHub simulator on a free local port, with a placeholder token. */
final class GitHubFixture implements AutoCloseable {
  static final Secret TOKEN = Secret.of("placeholder-github-token");

  final TestClock clock;
  final GitHubSimulator github;
  final WireMockServer server;

  GitHubFixture() {
    this(TestClock.at("2025-06-01T10:00:00Z"));
  }

  /** A simulator on a given clock: one that follows real time serves a client in another process. */
  GitHubFixture(TestClock clock) {
    this.clock = clock;
    this.github = new GitHubSimulator("acme", "ops", TOKEN.reveal(), clock);
    this.server = new WireMockServer(wireMockConfig().dynamicPort().extensions(github));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(ok()));
    github.baseUrl(server.baseUrl());
    github.addUser("erin");
    github.addUser("sam-o");
  }

  GitHubTrackerBuilder tracker() {
    return GitHubTracker.builder("acme/ops").endpoint(URI.create(server.baseUrl())).token(TOKEN)
        .requestTimeout(Duration.ofMillis(1500)).clock(clock).sleeper(clock)
        // Most tests here are of full reads; GitHubIncrementalSyncTest turns the change list on.
        .changeFeed(false);
  }

  List<ServeEvent> requests(String method, String pathStart) {
    return server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getMethod().getName().equals(method))
        .filter(e -> e.getRequest().getUrl().startsWith(pathStart))
        .toList();
  }

  @Override
  public void close() {
    server.stop();
  }
}
