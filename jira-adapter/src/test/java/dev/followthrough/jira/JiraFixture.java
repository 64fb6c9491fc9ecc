package dev.followthrough.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.testing.TestClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** A WireMock server running the Jira simulator on a free local port, with placeholder credentials. */
final class JiraFixture implements AutoCloseable {
  static final String EMAIL = "bot@example.com";
  static final Secret CLOUD_TOKEN = Secret.of("placeholder-cloud-token");
  static final Secret DC_TOKEN = Secret.of("placeholder-dc-token");
  static final Duration LAG = Duration.ofSeconds(30);

  /** Sites carry a path, as real ones can: Cloud behind the API gateway, Data Center under a context path. */
  static final String CLOUD_PATH = "/ex/jira/8d2f3c1e-0b7a-4e55-9c1d-2a6f4b8e9d10";
  static final String DC_PATH = "/jira";

  final boolean cloud;
  final TestClock clock;
  final JiraSimulator jira;
  final WireMockServer server;

  JiraFixture(boolean cloud) {
    this(cloud, LAG);
  }

  /** @param lag how long the simulator's search index lags behind writes */
  JiraFixture(boolean cloud, Duration lag) {
    this(cloud, lag, JiraWorkflow.RESOLUTION_ON_SCREEN);
  }

  JiraFixture(boolean cloud, Duration lag, JiraWorkflow workflow) {
    this(cloud, lag, workflow, TestClock.at("2025-06-01T10:00:00Z"));
  }

  /** A simulator on a given clock: one that follows real time serves a client in another process. */
  JiraFixture(boolean cloud, Duration lag, JiraWorkflow workflow, TestClock clock) {
    this.cloud = cloud;
    this.clock = clock;
    String auth = cloud
        ? "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + CLOUD_TOKEN.reveal()).getBytes(StandardCharsets.UTF_8))
        : "Bearer " + DC_TOKEN.reveal();
    jira = new JiraSimulator(cloud, "OPS", auth, clock, lag, cloud ? CLOUD_PATH : DC_PATH, workflow);
    server = new WireMockServer(wireMockConfig().dynamicPort().extensions(jira));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(ok()));
    jira.baseUrl(server.baseUrl());
    jira.addUser("5b10ac8d82e05b22cc7d4ef5", "erin@example.com", "Erin Vasquez");
    jira.addUser("6c20bd9e93f16c33dd8e5f06", "sam@example.com", "Sam Okafor");
  }

  /** The site URL to configure: the server and the site's path. */
  String siteUrl() {
    return server.baseUrl() + (cloud ? CLOUD_PATH : DC_PATH);
  }

  JiraTrackerBuilder tracker() {
    URI site = URI.create(siteUrl());
    JiraTrackerBuilder b = cloud ? JiraTracker.cloud(site, EMAIL, CLOUD_TOKEN) : JiraTracker.dataCenter(site, DC_TOKEN);
    // Most tests here are of full reads; JiraIncrementalSyncTest turns the change search on.
    return b.project("OPS").clock(clock).requestTimeout(Duration.ofMillis(1500)).searchLag(LAG).changeFeed(false);
  }

  String api() {
    return (cloud ? CLOUD_PATH : DC_PATH) + (cloud ? "/rest/api/3" : "/rest/api/2");
  }

  List<ServeEvent> requests(String method, String pathStart) {
    return server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getMethod().getName().equals(method))
        .filter(e -> e.getRequest().getUrl().startsWith(api() + pathStart))
        .toList();
  }

  void resetRequests() {
    server.resetRequests();
  }

  @Override
  public void close() {
    server.stop();
  }
}
