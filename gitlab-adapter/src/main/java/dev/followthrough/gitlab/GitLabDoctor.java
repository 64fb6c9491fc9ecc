package dev.followthrough.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.core.tracker.Check;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The doctor's checks of a GitLab setup, each one GET request of the REST API v4, so nothing is
 * written to GitLab: {@code GET /user} (the token's account; doc/api/users.md), {@code GET
 * /personal_access_tokens/self} (the token's scopes, GitLab 15.4 and later;
 * doc/api/personal_access_tokens.md), {@code GET /projects/:id} (the project, whether it has
 * issues, and the account's {@code permissions.project_access} and {@code group_access} levels;
 * doc/api/projects.md) and {@code GET /users?username=} for each {@code users:} account.
 */
final class GitLabDoctor {
  /**
   * Planner (15, GitLab 17.7 and later) is the lowest role that may create issues with labels and
   * assignees and create project labels; before 17.7 it was Reporter (20). A Guest's labels and
   * assignees on a new issue are dropped (doc/user/permissions.md; access levels in
   * doc/api/access_requests.md).
   */
  static final int PLANNER = 15;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final GitLabSettings settings;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<Check> checks = new ArrayList<>();

  GitLabDoctor(GitLabSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  List<Check> run() {
    HttpResponse<String> user;
    try {
      user = get("/user");
    } catch (IOException e) {
      return List.of(Check.problem("reachable", "cannot reach " + settings.url().getHost() + ": " + e.getClass().getSimpleName(),
          "check tracker.url and this machine's network or proxy"));
    }
    checks.add(Check.ok("reachable", settings.url().getHost() + " answered"));
    user.headers().firstValue("Date").ifPresent(this::clock);
    if (user.statusCode() == 401) {
      checks.add(Check.problem("credentials", "GitLab answered 401: the token is unknown, expired or revoked",
          "create a new access token with the api scope and put it in the variable tracker.token names"));
      return checks;
    }
    if (user.statusCode() != 200) {
      checks.add(Check.problem("credentials", "GET /user answered " + user.statusCode(), "check tracker.url points at GitLab (without /api/v4)"));
      return checks;
    }
    JsonNode account = tree(user);
    boolean admin = account.path("is_admin").asBoolean(false);
    checks.add(Check.ok("credentials", "accepted, as " + account.path("username").asText("?")));
    scopes();
    project(admin);
    settings.basics().users().forEach(this::user);
    return checks;
  }

  private void scopes() {
    HttpResponse<String> self = quietly("/personal_access_tokens/self");
    if (self == null || self.statusCode() != 200) {
      checks.add(Check.skipped("token scope", "GitLab did not tell the token's scopes (it does from 15.4)"));
      return;
    }
    List<String> scopes = new ArrayList<>();
    tree(self).path("scopes").forEach(s -> scopes.add(s.asText()));
    checks.add(scopes.contains("api") ? Check.ok("token scope", "api")
        : Check.problem("token scope", "the token has " + (scopes.isEmpty() ? "no scope" : String.join(", ", scopes))
            + ", and creating issues needs api", "create a token with the api scope"));
  }

  private void project(boolean admin) {
    HttpResponse<String> answer = quietly("/projects/" + URLEncoder.encode(settings.project(), StandardCharsets.UTF_8));
    if (answer == null || answer.statusCode() != 200) {
      checks.add(Check.problem("project", settings.project() + " not found or not visible to the token ("
          + (answer == null ? "no answer" : answer.statusCode()) + ")", "check tracker.project, and that the token's account is a member"));
      return;
    }
    JsonNode project = tree(answer);
    checks.add(Check.ok("project", project.path("path_with_namespace").asText(settings.project()) + " found"));
    if (!project.path("issues_enabled").asBoolean(true)) {
      checks.add(Check.problem("issues", "issues are turned off in " + settings.project(),
          "turn on Issues in the project's Settings > General > Visibility, project features, permissions"));
    }
    JsonNode permissions = project.path("permissions");
    int level = Math.max(permissions.path("project_access").path("access_level").asInt(0),
        permissions.path("group_access").path("access_level").asInt(0));
    if (admin) {
      checks.add(Check.ok("access level", "administrator: may create issues and labels"));
    } else if (level >= PLANNER) {
      checks.add(Check.ok("access level", role(level) + " (" + level + "): may create issues, labels and assignees"));
    } else {
      checks.add(Check.problem("access level", level == 0 ? "the token's account is not a member of " + settings.project()
              : "the token's account is " + role(level) + " (" + level + ") in " + settings.project()
                  + ", and GitLab drops the labels and assignees a Guest sets",
          "give the account at least the Planner role (Reporter before GitLab 17.7) in the project or its group"));
    }
  }

  private void user(String owner, String username) {
    HttpResponse<String> answer = quietly("/users?username=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
    boolean found = answer != null && answer.statusCode() == 200 && tree(answer).size() > 0;
    checks.add(found ? Check.ok("user " + owner, username + " exists")
        : Check.problem("user " + owner, "no GitLab account " + username + (answer == null ? " (no answer)" : " (" + answer.statusCode() + ")"),
            "correct tracker.users." + owner + " to the account's username"));
  }

  private static String role(int level) {
    return switch (level) {
      case 5 -> "Minimal access";
      case 10 -> "Guest";
      case 15 -> "Planner";
      case 20 -> "Reporter";
      case 30 -> "Developer";
      case 40 -> "Maintainer";
      case 50 -> "Owner";
      default -> "access level";
    };
  }

  private void clock(String date) {
    try {
      Duration skew = Duration.between(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), clock.instant()).abs();
      checks.add(skew.compareTo(Duration.ofMinutes(1)) <= 0 ? Check.ok("clock", "within 60 s of GitLab's")
          : Check.problem("clock", "this machine's clock is " + skew.toSeconds() + " s off GitLab's", "synchronise the clock (NTP)"));
    } catch (DateTimeParseException e) {
      checks.add(Check.skipped("clock", "GitLab's Date header '" + date + "' could not be read"));
    }
  }

  private HttpResponse<String> quietly(String path) {
    try {
      return get(path);
    } catch (IOException e) {
      return null;
    }
  }

  private HttpResponse<String> get(String path) throws IOException {
    String base = settings.url().toString().replaceAll("/+$", "");
    Duration timeout = settings.basics().timeout() != null ? settings.basics().timeout() : Duration.ofSeconds(30);
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v4" + path)).GET().timeout(timeout)
        .header("PRIVATE-TOKEN", settings.token().reveal()).header("Accept", "application/json").build();
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
