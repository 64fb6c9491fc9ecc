package dev.followthrough.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.core.tracker.Check;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The doctor's checks of a GitHub setup, each one GET request (GitHub REST OpenAPI: {@code GET
 * /repos/{owner}/{repo}} with {@code permissions.push}, {@code GET /repos/{owner}/{repo}/assignees/{login}}
 * answering 204 or 404); nothing is written to GitHub.
 */
final class GitHubDoctor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final GitHubSettings settings;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<Check> checks = new ArrayList<>();

  GitHubDoctor(GitHubSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  List<Check> run() {
    if (settings.token() == null) {
      return List.of(Check.skipped("credentials", "GitHub App authentication is not checked by doctor yet"));
    }
    HttpResponse<String> repo;
    try {
      repo = get("/repos/" + settings.repository());
    } catch (IOException e) {
      return List.of(Check.problem("reachable", "cannot reach " + settings.url().getHost() + ": " + e.getClass().getSimpleName(),
          "check tracker.url and this machine's network or proxy"));
    }
    checks.add(Check.ok("reachable", settings.url().getHost() + " answered"));
    repo.headers().firstValue("Date").ifPresent(this::clock);
    if (repo.statusCode() == 401) {
      checks.add(Check.problem("credentials", "GitHub answered 401", "create a new token and put it in the variable tracker.token names"));
      return checks;
    }
    if (repo.statusCode() != 200) {
      checks.add(Check.problem("repository", settings.repository() + " not found or not visible to the token (" + repo.statusCode() + ")",
          "check tracker.repository, and that the token may read it"));
      return checks;
    }
    checks.add(Check.ok("credentials", "accepted"));
    JsonNode body = tree(repo);
    checks.add(body.path("permissions").path("push").asBoolean(false) ? Check.ok("push access", "labels and assignees will be kept")
        : Check.problem("push access", "the token cannot push to " + settings.repository()
            + ", so GitHub would silently drop labels, assignees and milestones",
            "use a token with the repo scope, or a fine-grained token with Issues: read and write, from an account with write access"));
    settings.basics().users().forEach((owner, login) -> {
      int status = status("/repos/" + settings.repository() + "/assignees/" + login);
      checks.add(status == 204 ? Check.ok("user " + owner, login + " can be assigned")
          : Check.problem("user " + owner, login + " cannot be assigned in " + settings.repository() + " (" + status + ")",
              "correct tracker.users." + owner + ", or give " + login + " access to the repository"));
    });
    return checks;
  }

  private void clock(String date) {
    Duration skew = Duration.between(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), clock.instant()).abs();
    checks.add(skew.compareTo(Duration.ofMinutes(1)) <= 0 ? Check.ok("clock", "within 60 s of GitHub's")
        : Check.problem("clock", "this machine's clock is " + skew.toSeconds() + " s off GitHub's", "synchronise the clock (NTP)"));
  }

  private int status(String path) {
    try {
      return get(path).statusCode();
    } catch (IOException e) {
      return 0;
    }
  }

  private HttpResponse<String> get(String path) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url() + path)).GET().timeout(Duration.ofSeconds(30))
        .header("Authorization", "token " + settings.token().reveal()).header("Accept", "application/vnd.github+json").build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static JsonNode tree(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
