package dev.followthrough.github;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.sync.Sleeper;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.authorization.AppInstallationAuthorizationProvider;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

/** Builds a {@link GitHubTracker}: a token or a GitHub App installation, or a prebuilt {@link GitHub}. */
public final class GitHubTrackerBuilder {
  final String repository;
  URI endpoint = URI.create("https://api.github.com");
  Secret token;
  String appId;
  Path appPrivateKey;
  GitHub prebuilt;
  Map<String, String> users = Map.of();
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration requestTimeout = Duration.ofSeconds(30);
  Duration createInterval = Duration.ofMillis(750);
  Duration listLag = Duration.ofSeconds(10);
  Sleeper sleeper = Sleeper.REAL;
  Clock clock = Clock.systemUTC();
  HttpClient http;
  Duration overlap;
  boolean changeFeed = true;

  GitHubTrackerBuilder(String repository) {
    if (repository == null || !repository.matches("[\\w.-]+/[\\w.-]+")) {
      throw new IllegalArgumentException("repository must look like owner/name, got " + repository);
    }
    this.repository = repository;
  }

  /** {@code https://api.github.com} (default) or an Enterprise server's {@code https://host/api/v3}. */
  public GitHubTrackerBuilder endpoint(URI endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint);
    return this;
  }

  /** A personal access token (classic with the repo scope, or fine-grained with Issues read and write). */
  public GitHubTrackerBuilder token(Secret token) {
    this.token = Objects.requireNonNull(token);
    return this;
  }

  /**
   * A GitHub App installed on the repository (owned by an organisation or a user), authenticated
   * with its private key (PEM).
   */
  public GitHubTrackerBuilder appInstallation(String appId, Path privateKeyPem) {
    this.appId = Objects.requireNonNull(appId);
    this.appPrivateKey = Objects.requireNonNull(privateKeyPem);
    return this;
  }

  /** A client built elsewhere (tests, custom connectors); endpoint and credentials are then ignored. */
  public GitHubTrackerBuilder github(GitHub github) {
    this.prebuilt = Objects.requireNonNull(github);
    return this;
  }

  /** Owner (handle or e-mail) to GitHub login. */
  public GitHubTrackerBuilder users(Map<String, String> ownerToLogin) {
    this.users = Map.copyOf(ownerToLogin);
    return this;
  }

  public GitHubTrackerBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  public GitHubTrackerBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** The least time between two creates (default 750 ms, about 80 a minute). */
  public GitHubTrackerBuilder createInterval(Duration interval) {
    this.createInterval = Objects.requireNonNull(interval);
    return this;
  }

  /**
   * How long a new issue may be missing from the repository's issue list (default 10 s). The list
   * is not the search index, but a create that was still running when the client gave up shows up
   * only once it finishes.
   */
  public GitHubTrackerBuilder listLag(Duration lag) {
    this.listLag = Objects.requireNonNull(lag);
    return this;
  }

  /** How pacing waits; tests pass a test clock. */
  public GitHubTrackerBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper);
    return this;
  }

  public GitHubTrackerBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  /** The HTTP client under github-api; default one with the connect timeout. */
  public GitHubTrackerBuilder httpClient(HttpClient client) {
    this.http = Objects.requireNonNull(client);
    return this;
  }

  /**
   * How far before the watermark an incremental sync's list begins (default: the list lag plus five
   * minutes for the difference between GitHub's clock and this machine's).
   */
  public GitHubTrackerBuilder overlap(Duration overlap) {
    this.overlap = Objects.requireNonNull(overlap);
    return this;
  }

  /** Without the list of changed issues every sync reads every linked issue (default: with it). */
  public GitHubTrackerBuilder changeFeed(boolean enabled) {
    this.changeFeed = enabled;
    return this;
  }

  public GitHubTracker build() {
    // Five minutes of clock difference is Kerberos' default tolerance (MIT krb5 clockskew = 300 s).
    overlap = !changeFeed ? null : overlap != null ? overlap : listLag.plus(Duration.ofMinutes(5));
    if (prebuilt != null) {
      return new GitHubTracker(this, prebuilt, null);
    }
    HttpClient client = http != null ? http
        : HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    TimeoutConnector connector = new TimeoutConnector(client, requestTimeout);
    GitHubBuilder builder = new GitHubBuilder().withEndpoint(endpoint.toString())
        .withConnector(connector)
        .withRateLimitHandler(GitHubErrors.rateLimitHandler(clock))
        .withAbuseLimitHandler(GitHubErrors.abuseLimitHandler());
    try {
      if (appId != null) {
        // The installation by repository works for user- and organisation-owned repositories alike.
        String owner = repository.substring(0, repository.indexOf('/'));
        String name = repository.substring(repository.indexOf('/') + 1);
        builder.withAuthorizationProvider(new AppInstallationAuthorizationProvider(
            app -> app.getInstallationByRepository(owner, name), new JWTTokenProvider(appId, appPrivateKey)));
      } else if (token != null) {
        builder.withOAuthToken(token.reveal());
      } else {
        throw new IllegalStateException("a token or a GitHub App installation is required");
      }
      return new GitHubTracker(this, builder.build(), connector);
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new TrackerException(GitHubErrors.TRACKER, Kind.AUTH, 0, null, null,
          "cannot set up GitHub authentication: " + e.getMessage(), e);
    }
  }
}
