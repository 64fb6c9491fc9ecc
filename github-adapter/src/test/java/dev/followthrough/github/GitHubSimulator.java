package dev.followthrough.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.followthrough.tck.RequestKind;
import dev.followthrough.tck.AimedFaults;
import dev.followthrough.core.tracker.TrackerFault;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, stateful GitHub REST API behind WireMock, written from the public documentation, the
 * REST OpenAPI description in ../shared/specs and the facts in TRACKER-APIS.md (each behaviour
 * names its source): repository, issues (create, list by label newest first with {@code Link}
 * paging, read, edit, close with a reason, reopen, delete), the 50-character label limit,
 * milestones, users, token and App authentication, weak ETags with 304 answers, and faults aimed
 * at one kind of request, including creates that finish after the client gave up.
 */
final class GitHubSimulator implements ResponseDefinitionTransformerV2 {
  static final String NAME = "github-simulator";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ISSUE = Pattern.compile("/repos/([^/]+)/([^/]+)/issues/(\\d+)(/comments)?");
  private static final Pattern MILESTONE = Pattern.compile("/repos/([^/]+)/([^/]+)/milestones/(\\d+)");

  final String owner;
  final String repo;
  final String token;
  private final Clock clock;
  private final Map<Integer, ObjectNode> issues = new LinkedHashMap<>();
  private final Map<Integer, ObjectNode> milestones = new LinkedHashMap<>();
  private final Map<String, ObjectNode> users = new LinkedHashMap<>();
  private final Deque<Supplier<ResponseDefinition>> injected = new ArrayDeque<>();
  /** Faults aimed at kinds of request, and the hook that sees each request carried out. */
  final AimedFaults faults;
  private final java.util.Set<Integer> deleted = new java.util.HashSet<>();
  private boolean ownerIsOrganisation;
  private boolean pushAccess = true;
  private int repositoryId = 42;
  /** The repository issues are transferred to: a simulator of its own, served under the same host. */
  private GitHubSimulator transferTarget;
  private final Map<Integer, String> transferredTo = new LinkedHashMap<>();
  private int nextIssue = 1;
  private int nextMilestone = 1;
  private int notModified;
  private Duration clockSkew = Duration.ZERO;
  private String baseUrl = "http://localhost";

  GitHubSimulator(String owner, String repo, String token, Clock clock) {
    this.owner = owner;
    this.repo = repo;
    this.token = token;
    this.clock = clock;
    this.faults = new AimedFaults(clock);
  }

  @Override
  public String getName() {
    return NAME;
  }

  void baseUrl(String url) {
    this.baseUrl = url;
  }

  /** GitHub's clock runs this far ahead of the test clock (negative: behind); it stamps {@code updated_at}. */
  synchronized void clockSkew(Duration skew) {
    this.clockSkew = skew;
  }

  /** GitHub's own time, to the second as its timestamps are ({@code YYYY-MM-DDTHH:MM:SSZ}, REST OpenAPI). */
  private String stamp() {
    return clock.instant().plus(clockSkew).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  synchronized void addUser(String login) {
    users.put(login, user(login));
  }

  synchronized void failNext(int status, Map<String, String> headers, String body) {
    injected.add(() -> {
      ResponseDefinitionBuilder r = aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
      headers.forEach(r::withHeader);
      return r.build();
    });
  }

  synchronized void delayNext(int millis) {
    injected.add(() -> ResponseDefinitionBuilder.like(route("GET", "/nothing", null, "token " + token, null)).withFixedDelay(millis)
        .withStatus(200).withBody("{}").build());
  }

  synchronized void malformedNext() {
    injected.add(() -> aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[{\"number\": ").build());
  }

  /** The next create makes its issue, then the connection is reset before the answer. */
  synchronized void loseNextCreate() {
    faults.aim(RequestKind.CREATE, TrackerFault.RESET_AFTER_APPLIED);
  }

  /** Whether the repository's owner is an organisation (else a user, whose App has no org installation). */
  synchronized void ownerIsOrganisation(boolean organisation) {
    this.ownerIsOrganisation = organisation;
  }

  /**
   * Deletes an issue as a repository admin would: it answers 410 Gone from then on and leaves
   * every list (REST OpenAPI, {@code GET /repos/{owner}/{repo}/issues/{issue_number}}: 410).
   */
  synchronized void delete(int number) {
    deleted.add(number);
  }

  /**
   * Transfers an issue to another repository of the same owner, as a person with write access to
   * both would. GitHub keeps comments and assignees, drops labels and milestone (GitHub docs,
   * "Transferring an issue to another repository"), gives the issue a number in its new
   * repository, and answers its old address with 301 Moved Permanently to the new one (REST
   * OpenAPI, get an issue: 301). The hidden body marker stays, since the body does.
   */
  synchronized int transfer(int number, String targetRepo) {
    if (transferTarget == null) {
      transferTarget = new GitHubSimulator(owner, targetRepo, token, clock);
      transferTarget.repositoryId = repositoryId + 1;
      transferTarget.baseUrl(baseUrl);
      transferTarget.users.putAll(users);
    }
    ObjectNode issue = issues.remove(number);
    int n = transferTarget.receive(issue);
    transferredTo.put(number, baseUrl + "/repositories/" + transferTarget.repositoryId + "/issues/" + n);
    return n;
  }

  private synchronized int receive(ObjectNode issue) {
    int n = nextIssue++;
    String api = baseUrl + "/repos/" + owner + "/" + repo + "/issues/" + n;
    issue.put("number", n).put("id", 9000 + repositoryId * 1000 + n).put("url", api)
        .put("html_url", "https://github.example/" + owner + "/" + repo + "/issues/" + n);
    issue.putArray("labels");
    issue.putNull("milestone");
    touch(issue);
    issues.put(n, issue);
    return n;
  }

  synchronized List<ObjectNode> transferredIssues() {
    return transferTarget == null ? List.of() : transferTarget.issues();
  }

  /** Whether the token's account may push: without it GitHub drops labels, assignees and milestones (TRACKER-APIS.md). */
  synchronized void pushAccess(boolean push) {
    this.pushAccess = push;
  }

  /** Deletes a milestone as a person would; issues that had it lose it (REST docs, delete a milestone). */
  synchronized void deleteMilestone(String title) {
    milestones.values().removeIf(m -> m.path("title").asText().equals(title));
    issues.values().forEach(i -> {
      if (i.path("milestone").path("title").asText().equals(title)) {
        i.putNull("milestone");
      }
    });
  }

  /** A milestone made by a person (or another process) after the adapter read the list. */
  synchronized void addMilestone(String title, String dueOn) {
    int n = nextMilestone++;
    milestones.put(n, milestone(n, title, null).put("due_on", dueOn));
  }

  /** Relabels an issue and rewrites its hidden marker, as an older version of the tool left it. */
  synchronized void rekey(int number, String from, String to) {
    ObjectNode i = issues.get(number);
    List<String> names = labelNames(i);
    names.replaceAll(n -> n.equals(from) ? to : n);
    ArrayNode ls = i.putArray("labels");
    names.forEach(l -> ls.add(label(l)));
    i.put("body", i.path("body").asText().replace(from, to));
    touch(i);
  }

  private static List<String> labelNames(JsonNode issue) {
    List<String> names = new ArrayList<>();
    issue.path("labels").forEach(l -> names.add(l.path("name").asText()));
    return names;
  }

  synchronized void close(int number, String reason) {
    ObjectNode i = issues.get(number);
    i.put("state", "closed").put("state_reason", reason).put("closed_at", clock.instant().toString());
    touch(i);
  }

  synchronized void assign(int number, String login) {
    ObjectNode i = issues.get(number);
    i.putArray("assignees").add(users.get(login));
    i.set("assignee", users.get(login));
    touch(i);
  }

  /** An issue or pull request made without Followthrough, with the common label. */
  synchronized int addForeign(String title, boolean pullRequest) {
    ObjectNode i = newIssue(title, "", List.of("followthrough"));
    if (pullRequest) {
      i.putObject("pull_request").put("url", baseUrl + "/repos/" + owner + "/" + repo + "/pulls/" + i.get("number").asInt());
    }
    return i.get("number").asInt();
  }

  synchronized List<String> comments(int number) {
    List<String> texts = new ArrayList<>();
    issues.get(number).path("_comments").forEach(c -> texts.add(c.asText()));
    return texts;
  }

  /** The issues that exist (not deleted, and not still being made). */
  synchronized List<ObjectNode> issues() {
    return issues.entrySet().stream().filter(e -> !deleted.contains(e.getKey())).map(Map.Entry::getValue).toList();
  }

  synchronized List<ObjectNode> milestones() {
    return List.copyOf(milestones.values());
  }

  synchronized int notModifiedAnswers() {
    return notModified;
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    faults.settle((at, work) -> work.run());
    if (!injected.isEmpty()) {
      return injected.poll().get();
    }
    var r = event.getRequest();
    Supplier<ResponseDefinition> work = () -> {
      try {
        return route(r.getMethod().getName(), r.getUrl(), r.getBodyAsString(), r.getHeader("Authorization"),
            r.getHeader("If-None-Match"));
      } catch (Exception e) {
        return error(400, "Problems parsing JSON: " + e.getMessage());
      }
    };
    // Secondary rate limits: 429 (or 403) with Retry-After (TRACKER-APIS.md, rate limits).
    Supplier<ResponseDefinition> limited = () -> aResponse().withStatus(429).withHeader("Retry-After", "7")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}").build();
    return faults.answer(kind(r.getMethod().getName(), r.getUrl(), r.getBodyAsString()), work, limited);
  }

  private static RequestKind kind(String method, String url, String body) {
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    if (path.contains("/milestones")) {
      return RequestKind.MILESTONE;
    }
    if (path.endsWith("/comments")) {
      return method.equals("POST") ? RequestKind.COMMENT : RequestKind.READ;
    }
    if (path.endsWith("/issues")) {
      return method.equals("POST") ? RequestKind.CREATE : RequestKind.SEARCH;
    }
    if (method.equals("PATCH") && path.matches(".*/issues/\\d+")) {
      return body != null && body.contains("\"state\"") ? RequestKind.TRANSITION : RequestKind.EDIT;
    }
    // The repository itself is read once, at setup: no fault is aimed at it.
    return method.equals("GET") && path.contains("/issues/") ? RequestKind.READ : null;
  }

  static final String INSTALLATION_TOKEN = "ghs_placeholderinstallationtoken";
  private String jwtSeen;

  synchronized String jwtSeen() {
    return jwtSeen;
  }

  private ResponseDefinition route(String method, String url, String body, String auth, String ifNoneMatch) {
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    boolean appCall = path.startsWith("/orgs/") || path.equals("/app") || path.startsWith("/app/")
        || path.startsWith("/users/") && path.endsWith("/installation") || path.equals("/repos/" + owner + "/" + repo + "/installation");
    if (appCall) {
      // GitHub App flow: the app's JWT finds the installation and trades for an installation token.
      if (auth == null || !auth.startsWith("Bearer ey")) {
        return error(401, "A JSON web token could not be decoded");
      }
      jwtSeen = auth.substring("Bearer ".length());
      if (method.equals("GET") && path.equals("/app")) {
        ObjectNode app = JSON.createObjectNode().put("id", 1234).put("slug", "followthrough").put("name", "Followthrough");
        app.set("owner", user(owner));
        return ok(200, app);
      }
      // /orgs/{org}/installation exists for organisations only; /repos/{owner}/{repo}/installation
      // for any repository (REST OpenAPI paths; TRACKER-APIS.md, last table).
      boolean found = path.equals("/repos/" + owner + "/" + repo + "/installation")
          || path.equals((ownerIsOrganisation ? "/orgs/" : "/users/") + owner + "/installation");
      if (method.equals("GET") && found) {
        ObjectNode installation = JSON.createObjectNode().put("id", 77).put("app_id", 1234)
            .put("access_tokens_url", baseUrl + "/app/installations/77/access_tokens");
        installation.set("account", user(owner));
        return ok(200, installation);
      }
      if (method.equals("POST") && path.equals("/app/installations/77/access_tokens")) {
        return ok(201, JSON.createObjectNode().put("token", INSTALLATION_TOKEN)
            .put("expires_at", clock.instant().plusSeconds(3600).toString()));
      }
      return error(404, "Not Found");
    }
    boolean tokenOk = ("token " + token).equals(auth) || ("Bearer " + token).equals(auth)
        || ("token " + INSTALLATION_TOKEN).equals(auth) || ("Bearer " + INSTALLATION_TOKEN).equals(auth);
    if (!tokenOk) {
      return error(401, "Bad credentials");
    }
    String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
    if (transferTarget != null) {
      String targetPath = "/repos/" + owner + "/" + transferTarget.repo;
      String byId = "/repositories/" + transferTarget.repositoryId;
      if (path.equals(targetPath) || path.startsWith(targetPath + "/") || path.startsWith(byId + "/")) {
        String local = path.startsWith(byId) ? targetPath + path.substring(byId.length()) : path;
        return transferTarget.route(method, local + (query.isEmpty() ? "" : "?" + query), body, auth, ifNoneMatch);
      }
    }
    String repoPath = "/repos/" + owner + "/" + repo;
    JsonNode json;
    try {
      json = body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (Exception e) {
      return error(400, "Problems parsing JSON");
    }
    if (method.equals("GET") && path.equals(repoPath)) {
      return conditional(repository(), ifNoneMatch, null);
    }
    if (method.equals("GET") && path.startsWith(repoPath + "/assignees/")) {
      // 204 when the login can be assigned in the repository, else 404 (REST docs, "Check if a user can be assigned").
      return users.containsKey(path.substring((repoPath + "/assignees/").length())) ? aResponse().withStatus(204).build()
          : error(404, "Not Found");
    }
    if (method.equals("GET") && path.startsWith("/users/")) {
      ObjectNode u = users.get(path.substring("/users/".length()));
      return u == null ? error(404, "Not Found") : ok(200, u);
    }
    if (path.equals(repoPath + "/issues") && method.equals("POST")) {
      return create(json);
    }
    if (path.equals(repoPath + "/issues") && method.equals("GET")) {
      return list(query, ifNoneMatch);
    }
    if (path.equals(repoPath + "/milestones") && method.equals("GET")) {
      ArrayNode all = JSON.createArrayNode();
      milestones.values().forEach(all::add);
      return conditional(all, ifNoneMatch, null);
    }
    if (path.equals(repoPath + "/milestones") && method.equals("POST")) {
      String title = json.path("title").asText();
      if (milestones.values().stream().anyMatch(m -> m.path("title").asText().equals(title))) {
        // Milestone titles are unique per repository: 422 with code already_exists (REST docs, milestones).
        return validation("Milestone", "title", "already_exists");
      }
      int n = nextMilestone++;
      ObjectNode m = milestone(n, title, json.path("description").asText(null));
      milestones.put(n, m);
      return ok(201, m);
    }
    Matcher mm = MILESTONE.matcher(path);
    if (mm.matches() && method.equals("PATCH")) {
      ObjectNode m = milestones.get(Integer.parseInt(mm.group(3)));
      if (m == null) {
        return error(404, "Not Found");
      }
      json.fields().forEachRemaining(e -> m.set(e.getKey(), e.getValue()));
      return ok(200, m);
    }
    Matcher im = ISSUE.matcher(path);
    if (im.matches() && im.group(1).equals(owner) && im.group(2).equals(repo)) {
      String movedTo = transferredTo.get(Integer.parseInt(im.group(3)));
      if (movedTo != null) {
        return aResponse().withStatus(301).withHeader("Location", movedTo).withHeader("Content-Type", "application/json")
            .withBody("{\"message\":\"Moved Permanently\",\"url\":\"" + movedTo + "\"}").build();
      }
      ObjectNode issue = issues.get(Integer.parseInt(im.group(3)));
      if (issue == null) {
        return error(404, "Not Found");
      }
      if (deleted.contains(issue.get("number").asInt())) {
        return error(410, "This issue was deleted");
      }
      if (im.group(4) != null && method.equals("POST")) {
        issue.withArray("_comments").add(json.path("body").asText());
        issue.put("comments", issue.path("comments").asInt() + 1);
        ObjectNode comment = JSON.createObjectNode().put("id", 7000 + issue.path("comments").asInt())
            .put("body", json.path("body").asText()).put("created_at", clock.instant().toString())
            .put("updated_at", clock.instant().toString()).put("url", baseUrl + path);
        comment.set("user", user("followthrough-bot"));
        return ok(201, comment);
      }
      if (method.equals("GET")) {
        return conditional(issue, ifNoneMatch, null);
      }
      if (method.equals("PATCH")) {
        return edit(issue, json);
      }
    }
    return error(404, "Not Found");
  }

  private ResponseDefinition create(JsonNode json) {
    if (json.path("title").asText().isBlank()) {
      return validation("Issue", "title", "missing_field");
    }
    if (json.path("body").asText("").length() > 65_536) {
      return validation("Issue", "body", "custom");
    }
    List<String> labels = new ArrayList<>();
    json.path("labels").forEach(l -> labels.add(l.asText()));
    ResponseDefinition tooLong = labelTooLong(labels);
    if (tooLong != null) {
      return tooLong;
    }
    for (JsonNode login : json.path("assignees")) {
      if (!users.containsKey(login.asText())) {
        // A login that is not an assignable account fails the whole create: 422 Validation Failed,
        // assignees invalid (REST docs, create an issue: 422; seen in use, project issue #28).
        return validation("Issue", "assignees", "invalid");
      }
    }
    if (json.hasNonNull("milestone") && !milestones.containsKey(json.get("milestone").asInt())) {
      // A milestone number that does not exist (deleted meanwhile): 422 Validation Failed on the
      // milestone field (REST docs, create an issue: 422), and no issue is made.
      return validation("Issue", "milestone", "invalid");
    }
    ObjectNode issue = newIssue(json.path("title").asText(), json.path("body").asText(""), labels);
    for (JsonNode login : json.path("assignees")) {
      issue.withArray("assignees").add(users.get(login.asText()));
      issue.set("assignee", users.get(login.asText()));
    }
    if (json.hasNonNull("milestone")) {
      issue.set("milestone", milestones.get(json.get("milestone").asInt()));
    }
    if (!pushAccess) {
      // Without push access labels, assignees and milestone are silently dropped (TRACKER-APIS.md).
      issue.putArray("labels");
      issue.putArray("assignees");
      issue.putNull("assignee");
      issue.putNull("milestone");
    }
    return ok(201, issue);
  }

  /**
   * Label names are at most 50 characters: GitHub answers 422 "name is too long (maximum is 50
   * characters)" (github/docs#32156; semantic-release/github#518; TRACKER-APIS.md, last table).
   */
  private ResponseDefinition labelTooLong(List<String> names) {
    for (String name : names) {
      if (name.length() > 50) {
        ObjectNode e = JSON.createObjectNode();
        e.put("message", "Validation Failed");
        e.putArray("errors").addObject().put("resource", "Label").put("field", "name").put("code", "invalid")
            .put("message", "name is too long (maximum is 50 characters)");
        return ok(422, e);
      }
    }
    return null;
  }

  private ObjectNode newIssue(String title, String body, List<String> labels) {
    int n = nextIssue++;
    ObjectNode issue = JSON.createObjectNode();
    String api = baseUrl + "/repos/" + owner + "/" + repo + "/issues/" + n;
    issue.put("url", api).put("html_url", "https://github.example/" + owner + "/" + repo + "/issues/" + n)
        .put("id", 9000 + n).put("number", n).put("title", title).put("body", body).put("state", "open").putNull("state_reason")
        .put("locked", false).put("comments", 0).put("created_at", clock.instant().toString()).putNull("closed_at");
    ArrayNode ls = issue.putArray("labels");
    labels.forEach(l -> ls.add(label(l)));
    issue.putArray("assignees");
    issue.putNull("assignee");
    issue.putNull("milestone");
    issue.set("user", user("followthrough-bot"));
    touch(issue);
    issues.put(n, issue);
    return issue;
  }

  private ResponseDefinition edit(ObjectNode issue, JsonNode json) {
    if (json.hasNonNull("milestone") && !milestones.containsKey(json.get("milestone").asInt())) {
      // An edit naming a milestone that does not exist is refused whole (REST docs, update an issue: 422).
      return validation("Issue", "milestone", "invalid");
    }
    var fields = json.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      switch (e.getKey()) {
        case "labels" -> {
          List<String> names = new ArrayList<>();
          e.getValue().forEach(l -> names.add(l.isTextual() ? l.asText() : l.path("name").asText()));
          ResponseDefinition tooLong = labelTooLong(names);
          if (tooLong != null) {
            return tooLong;
          }
          ArrayNode ls = issue.putArray("labels");
          names.forEach(l -> ls.add(label(l)));
        }
        case "assignees" -> {
          ArrayNode as = issue.putArray("assignees");
          e.getValue().forEach(a -> {
            if (users.containsKey(a.asText())) {
              as.add(users.get(a.asText()));
            }
          });
          issue.set("assignee", as.isEmpty() ? null : as.get(0));
        }
        case "milestone" -> issue.set("milestone", e.getValue().isNull() ? null : milestones.get(e.getValue().asInt()));
        case "state" -> {
          issue.put("state", e.getValue().asText());
          if (e.getValue().asText().equals("open")) {
            // Reopening sets state_reason to "reopened" (REST docs, issue object).
            issue.put("state_reason", "reopened").putNull("closed_at");
          } else {
            issue.put("closed_at", clock.instant().toString());
            if (!json.has("state_reason")) {
              issue.put("state_reason", "completed");
            }
          }
        }
        default -> issue.set(e.getKey(), e.getValue());
      }
    }
    touch(issue);
    return ok(200, issue);
  }

  private ResponseDefinition list(String query, String ifNoneMatch) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String p : query.split("&")) {
      if (p.contains("=")) {
        params.put(p.substring(0, p.indexOf('=')), URLDecoder.decode(p.substring(p.indexOf('=') + 1), StandardCharsets.UTF_8));
      }
    }
    String state = params.getOrDefault("state", "open");
    List<String> wanted = params.containsKey("labels") ? List.of(params.get("labels").split(",")) : List.of();
    List<ObjectNode> matches = new ArrayList<>();
    for (ObjectNode i : issues.values()) {
      if (deleted.contains(i.get("number").asInt())) {
        continue;
      }
      List<String> names = new ArrayList<>();
      i.path("labels").forEach(l -> names.add(l.path("name").asText()));
      boolean stateOk = state.equals("all") || i.path("state").asText().equals(state);
      if (stateOk && names.containsAll(wanted)) {
        matches.add(i);
      }
    }
    // since: only issues updated at or after it; sort=updated orders by updated_at (REST OpenAPI,
    // list repository issues). The list is computed afresh for every page, so page numbers shift
    // when an issue changes between two pages.
    if (params.containsKey("since")) {
      java.time.Instant since = java.time.Instant.parse(params.get("since"));
      matches.removeIf(i -> java.time.Instant.parse(i.path("updated_at").asText()).isBefore(since));
    }
    if ("updated".equals(params.get("sort"))) {
      matches.sort(java.util.Comparator.comparing((ObjectNode i) -> java.time.Instant.parse(i.path("updated_at").asText()))
          .thenComparing(i -> i.path("number").asInt()));
    }
    // sort=created and direction=desc by default: newest first (REST OpenAPI, list repository issues).
    if (!"asc".equals(params.get("direction"))) {
      java.util.Collections.reverse(matches);
    }
    int perPage = Math.min(100, Integer.parseInt(params.getOrDefault("per_page", "30")));
    int page = Integer.parseInt(params.getOrDefault("page", "1"));
    ArrayNode out = JSON.createArrayNode();
    for (int k = (page - 1) * perPage; k < Math.min(matches.size(), page * perPage); k++) {
      out.add(matches.get(k));
    }
    // Link carries next, last, first and prev as they apply (GitHub docs, pagination).
    int last = Math.max(1, (matches.size() + perPage - 1) / perPage);
    List<String> links = new ArrayList<>();
    if (page < last) {
      links.add(pageLink(params, page + 1, "next"));
      links.add(pageLink(params, last, "last"));
    }
    if (page > 1) {
      links.add(pageLink(params, 1, "first"));
      links.add(pageLink(params, page - 1, "prev"));
    }
    return conditional(out, ifNoneMatch, links.isEmpty() ? null : String.join(", ", links));
  }

  private String pageLink(Map<String, String> params, int page, String rel) {
    Map<String, String> p = new LinkedHashMap<>(params);
    p.put("page", String.valueOf(page));
    StringBuilder q = new StringBuilder();
    p.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=').append(v));
    return "<" + baseUrl + "/repos/" + owner + "/" + repo + "/issues?" + q + ">; rel=\"" + rel + "\"";
  }

  /**
   * Answers 304 when the client already has this exact body. GitHub's ETags for JSON are usually
   * weak ({@code W/"…"}), so they are compared weakly (RFC 9110 §8.8.3; TRACKER-APIS.md).
   */
  private ResponseDefinition conditional(JsonNode body, String ifNoneMatch, String link) {
    String etag = "W/\"" + sha1(body.toString()) + "\"";
    // The server's gzip layer marks the ETags of compressed answers with a --gzip suffix.
    if (ifNoneMatch != null && opaque(etag).equals(opaque(ifNoneMatch.replace("--gzip", "")))) {
      notModified++;
      return aResponse().withStatus(304).withHeader("ETag", etag).build();
    }
    ResponseDefinitionBuilder r = aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withHeader("ETag", etag).withBody(body.toString());
    if (link != null) {
      r.withHeader("Link", link);
    }
    return r.build();
  }

  private static String opaque(String etag) {
    String e = etag.strip();
    return e.startsWith("W/") ? e.substring(2) : e;
  }

  private ObjectNode milestone(int n, String title, String description) {
    String repoPath = "/repos/" + owner + "/" + repo;
    ObjectNode m = JSON.createObjectNode();
    m.put("url", baseUrl + repoPath + "/milestones/" + n).put("html_url", "https://github.example/" + owner + "/" + repo + "/milestone/" + n)
        .put("id", 5000 + n).put("number", n).put("title", title)
        .put("description", description).put("state", "open").putNull("due_on")
        .put("created_at", clock.instant().toString()).put("updated_at", clock.instant().toString());
    return m;
  }

  private ObjectNode repository() {
    ObjectNode r = JSON.createObjectNode();
    r.put("id", repositoryId).put("name", repo).put("full_name", owner + "/" + repo).put("url", baseUrl + "/repos/" + owner + "/" + repo)
        .put("html_url", "https://github.example/" + owner + "/" + repo).put("has_issues", true).put("private", true);
    r.set("owner", user(owner));
    r.putObject("permissions").put("admin", false).put("push", pushAccess).put("pull", true);
    return r;
  }

  private ObjectNode user(String login) {
    ObjectNode u = JSON.createObjectNode();
    u.put("login", login).put("id", Math.abs(login.hashCode())).put("type", "User")
        .put("url", baseUrl + "/users/" + login).put("html_url", "https://github.example/" + login);
    return u;
  }

  private ObjectNode label(String name) {
    ObjectNode l = JSON.createObjectNode();
    l.put("id", Math.abs(name.hashCode())).put("name", name).put("color", "ededed")
        .put("url", baseUrl + "/repos/" + owner + "/" + repo + "/labels/" + name);
    return l;
  }

  private void touch(ObjectNode issue) {
    issue.put("updated_at", stamp());
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResponseDefinition ok(int status, JsonNode body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString()).build();
  }

  private static ResponseDefinition validation(String resource, String field, String code) {
    ObjectNode e = JSON.createObjectNode();
    e.put("message", "Validation Failed");
    e.putArray("errors").addObject().put("resource", resource).put("field", field).put("code", code);
    return ok(422, e);
  }

  static ResponseDefinition error(int status, String message) {
    return ok(status, JSON.createObjectNode().put("message", message).put("documentation_url", "https://docs.github.com/rest"));
  }
}
