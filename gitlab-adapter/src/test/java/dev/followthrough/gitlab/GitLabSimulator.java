package dev.followthrough.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.followthrough.core.tracker.TrackerFault;
import dev.followthrough.gitlab.SimulatedIssues.Project;
import dev.followthrough.tck.AimedFaults;
import dev.followthrough.tck.RequestKind;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small, stateful GitLab REST API v4 behind WireMock, written from GitLab's own documentation
 * in the gitlab-org/gitlab repository (doc/api/issues.md, doc/api/rest/_index.md, doc/api/users.md,
 * the user and IP rate-limit page) and its models, with the facts and sources in GITLAB-API.md;
 * each behaviour names its source. Projects by id or URL-encoded path, issues (create, list by
 * label with offset paging, read, edit, close and reopen with {@code state_event}, move, delete),
 * notes, users, {@code PRIVATE-TOKEN} authentication, 429 rate limits, and faults aimed at one
 * kind of request, including creates that finish after the client gave up.
 */
final class GitLabSimulator implements ResponseDefinitionTransformerV2 {
  static final String NAME = "gitlab-simulator";

  final String token;
  final AimedFaults faults;
  final SimulatedIssues issues;
  final Project project;
  final Project archive;
  /** The token's account, scopes and access level, as {@code doctor} reads them. */
  final AccountRoutes account;
  private final Clock clock;
  private final Map<String, ObjectNode> users = new LinkedHashMap<>();
  private final Deque<Supplier<ResponseDefinition>> injected = new ArrayDeque<>();
  private final IssueRoutes routes;
  private boolean admin;

  GitLabSimulator(String token, Clock clock) {
    this.token = token;
    this.clock = clock;
    this.faults = new AimedFaults(clock);
    this.issues = new SimulatedIssues(clock, "https://gitlab.example.com");
    this.project = issues.addProject(42, "acme/sre/ops");
    this.archive = issues.addProject(43, "acme/archive");
    this.routes = new IssueRoutes(issues, users, clock);
    this.account = new AccountRoutes(issues);
  }

  @Override
  public String getName() {
    return NAME;
  }

  /** Whether the token's account is an administrator: {@code GET /issues/:id} is for them only (Issues API docs). */
  synchronized void admin(boolean admin) {
    this.admin = admin;
  }

  synchronized void addUser(String username, String publicEmail) {
    ObjectNode u = SimulatedIssues.JSON.createObjectNode();
    u.put("id", 100 + users.size()).put("username", username).put("name", username).put("state", "active")
        .put("web_url", "https://gitlab.example.com/" + username);
    if (publicEmail != null) {
      u.put("public_email", publicEmail);
    }
    users.put(username, u);
  }

  synchronized void failNext(int status, Map<String, String> headers, String body) {
    injected.add(() -> {
      ResponseDefinitionBuilder r = aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
      headers.forEach(r::withHeader);
      return r.build();
    });
  }

  synchronized void delayNext(int millis) {
    injected.add(() -> aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")
        .withFixedDelay(millis).build());
  }

  synchronized void malformedNext() {
    injected.add(() -> aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[{\"iid\": ").build());
  }

  /** The next create makes its issue, then the connection is reset before the answer. */
  synchronized void loseNextCreate() {
    faults.aim(RequestKind.CREATE, TrackerFault.RESET_AFTER_APPLIED);
  }

  synchronized List<ObjectNode> projectIssues() {
    return issues.in(project);
  }

  synchronized ObjectNode issue(long iid) {
    return issues.find(project, iid);
  }

  synchronized void close(long iid, boolean wontDo) {
    ObjectNode i = issues.find(project, iid);
    i.put("state", "closed").put("closed_at", issues.now());
    if (wontDo) {
      List<String> names = SimulatedIssues.labelNames(i);
      names.add("won't do");
      issues.labels(i, names);
    }
    issues.touch(i);
  }

  synchronized void delete(long iid) {
    issues.delete(issues.find(project, iid));
  }

  synchronized ObjectNode move(long iid) {
    return issues.move(issues.find(project, iid), archive);
  }

  synchronized List<String> notes(long iid) {
    return issues.notes(issues.find(project, iid));
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    faults.settle((at, work) -> work.run());
    if (!injected.isEmpty()) {
      return injected.poll().get();
    }
    var r = event.getRequest();
    String method = r.getMethod().getName();
    String url = r.getUrl();
    String body = r.getBodyAsString();
    // Personal, project and group access tokens go in PRIVATE-TOKEN, OAuth tokens as Bearer (REST API docs, authentication).
    boolean authorised = token.equals(r.getHeader("PRIVATE-TOKEN")) || ("Bearer " + token).equals(r.getHeader("Authorization"));
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    ResponseDefinition accountAnswer = authorised ? account.route(method, path, admin) : null;
    Supplier<ResponseDefinition> work = () -> accountAnswer != null ? accountAnswer : authorised ? routes.route(method, url, body, admin)
        : IssueRoutes.json(401, SimulatedIssues.JSON.createObjectNode().put("message", "401 Unauthorized"));
    return dated(faults.answer(kind(method, url, body), work, GitLabSimulator::rateLimited));
  }

  /** An origin server with a clock sends Date (RFC 9110, section 6.6.1); this one's is the simulated clock. */
  private ResponseDefinition dated(ResponseDefinition answer) {
    return ResponseDefinitionBuilder.like(answer).withHeader("Date",
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(java.time.ZoneOffset.UTC))).build();
  }

  /**
   * GitLab's throttle answer: 429 with {@code Retry-After} (seconds), {@code RateLimit-Reset} (Unix
   * time) and the plain-text body "Retry later" (GitLab docs, "User and IP rate limits", response
   * headers; doc/administration/settings/user_and_ip_rate_limits.md).
   */
  private static ResponseDefinition rateLimited() {
    long reset = java.time.Instant.now().getEpochSecond() + 7;
    return aResponse().withStatus(429).withHeader("Content-Type", "text/plain").withHeader("Retry-After", "7")
        .withHeader("RateLimit-Name", "throttle_authenticated_api").withHeader("RateLimit-Limit", "60")
        .withHeader("RateLimit-Observed", "61").withHeader("RateLimit-Remaining", "0")
        .withHeader("RateLimit-Reset", String.valueOf(reset)).withBody("Retry later\n").build();
  }

  private static RequestKind kind(String method, String url, String body) {
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    if (path.endsWith("/notes")) {
      return method.equals("POST") ? RequestKind.COMMENT : RequestKind.READ;
    }
    if (path.endsWith("/issues")) {
      return method.equals("POST") ? RequestKind.CREATE : RequestKind.SEARCH;
    }
    if (method.equals("PUT")) {
      String query = url.contains("?") ? url.substring(url.indexOf('?')) : "";
      return (body != null && body.contains("state_event")) || query.contains("state_event") ? RequestKind.TRANSITION : RequestKind.EDIT;
    }
    // The project itself is read once, at setup: no fault is aimed at it.
    return method.equals("GET") && (path.contains("/issues/") || path.endsWith("/users")) ? RequestKind.READ : null;
  }

  /** Every issue of the configured project as JSON, for assertions. */
  synchronized ArrayNode snapshotOfProject() {
    ArrayNode all = SimulatedIssues.JSON.createArrayNode();
    issues.in(project).forEach(i -> all.add(i.deepCopy()));
    return all;
  }

  /** The issues that carry a label, in the configured project. */
  synchronized List<JsonNode> labelled(String label) {
    return issues.in(project).stream().filter(i -> SimulatedIssues.labelNames(i).contains(label)).map(i -> (JsonNode) i).toList();
  }
}
