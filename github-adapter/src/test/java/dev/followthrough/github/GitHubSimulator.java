package dev.followthrough.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
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
 * A small, stateful GitHub REST API behind WireMock, written from the public documentation:
 * repository, issues (create, list by label with {@code Link} paging, read, edit, close with a
 * reason), milestones, users, token authentication, ETags with 304 answers, and injected faults.
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
  private int loseCreates;
  private int nextIssue = 1;
  private int nextMilestone = 1;
  private int notModified;
  private String baseUrl = "http://localhost";

  GitHubSimulator(String owner, String repo, String token, Clock clock) {
    this.owner = owner;
    this.repo = repo;
    this.token = token;
    this.clock = clock;
  }

  @Override
  public String getName() {
    return NAME;
  }

  void baseUrl(String url) {
    this.baseUrl = url;
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
    loseCreates++;
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

  synchronized List<ObjectNode> issues() {
    return List.copyOf(issues.values());
  }

  synchronized List<ObjectNode> milestones() {
    return List.copyOf(milestones.values());
  }

  synchronized int notModifiedAnswers() {
    return notModified;
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    if (!injected.isEmpty()) {
      return injected.poll().get();
    }
    var r = event.getRequest();
    try {
      return route(r.getMethod().getName(), r.getUrl(), r.getBodyAsString(), r.getHeader("Authorization"), r.getHeader("If-None-Match"));
    } catch (Exception e) {
      return error(400, "Problems parsing JSON: " + e.getMessage());
    }
  }

  static final String INSTALLATION_TOKEN = "ghs_placeholderinstallationtoken";
  private String jwtSeen;

  synchronized String jwtSeen() {
    return jwtSeen;
  }

  private ResponseDefinition route(String method, String url, String body, String auth, String ifNoneMatch) {
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    if (path.startsWith("/orgs/") || path.equals("/app") || path.startsWith("/app/")) {
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
      if (method.equals("GET") && path.equals("/orgs/" + owner + "/installation")) {
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
      int n = nextMilestone++;
      ObjectNode m = JSON.createObjectNode();
      m.put("url", baseUrl + repoPath + "/milestones/" + n).put("html_url", "https://github.example/" + owner + "/" + repo + "/milestone/" + n)
          .put("id", 5000 + n).put("number", n).put("title", json.path("title").asText())
          .put("description", json.path("description").asText(null)).put("state", "open").putNull("due_on")
          .put("created_at", clock.instant().toString()).put("updated_at", clock.instant().toString());
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
      ObjectNode issue = issues.get(Integer.parseInt(im.group(3)));
      if (issue == null) {
        return error(404, "Not Found");
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
      return validation("title", "missing_field");
    }
    if (json.path("body").asText("").length() > 65_536) {
      return validation("body", "custom");
    }
    List<String> labels = new ArrayList<>();
    json.path("labels").forEach(l -> labels.add(l.asText()));
    ObjectNode issue = newIssue(json.path("title").asText(), json.path("body").asText(""), labels);
    for (JsonNode login : json.path("assignees")) {
      if (users.containsKey(login.asText())) {
        issue.withArray("assignees").add(users.get(login.asText()));
        issue.set("assignee", users.get(login.asText()));
      }
    }
    if (json.hasNonNull("milestone")) {
      issue.set("milestone", milestones.get(json.get("milestone").asInt()));
    }
    if (loseCreates > 0) {
      loseCreates--;
      return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    return ok(201, issue);
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
    var fields = json.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      switch (e.getKey()) {
        case "labels" -> {
          ArrayNode ls = issue.putArray("labels");
          e.getValue().forEach(l -> ls.add(label(l.isTextual() ? l.asText() : l.path("name").asText())));
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
            issue.putNull("state_reason").putNull("closed_at");
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
      List<String> names = new ArrayList<>();
      i.path("labels").forEach(l -> names.add(l.path("name").asText()));
      boolean stateOk = state.equals("all") || i.path("state").asText().equals(state);
      if (stateOk && names.containsAll(wanted)) {
        matches.add(i);
      }
    }
    int perPage = Math.min(100, Integer.parseInt(params.getOrDefault("per_page", "30")));
    int page = Integer.parseInt(params.getOrDefault("page", "1"));
    ArrayNode out = JSON.createArrayNode();
    for (int k = (page - 1) * perPage; k < Math.min(matches.size(), page * perPage); k++) {
      out.add(matches.get(k));
    }
    String link = null;
    if (page * perPage < matches.size()) {
      Map<String, String> next = new LinkedHashMap<>(params);
      next.put("page", String.valueOf(page + 1));
      StringBuilder q = new StringBuilder();
      next.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=').append(v));
      link = "<" + baseUrl + "/repos/" + owner + "/" + repo + "/issues?" + q + ">; rel=\"next\"";
    }
    return conditional(out, ifNoneMatch, link);
  }

  /** Answers 304 when the client already has this exact body (ETag), as GitHub does. */
  private ResponseDefinition conditional(JsonNode body, String ifNoneMatch, String link) {
    String etag = "\"" + sha1(body.toString()) + "\"";
    // The server's gzip layer marks the ETags of compressed answers with a --gzip suffix.
    if (ifNoneMatch != null && etag.equals(ifNoneMatch.replace("--gzip", ""))) {
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

  private ObjectNode repository() {
    ObjectNode r = JSON.createObjectNode();
    r.put("id", 42).put("name", repo).put("full_name", owner + "/" + repo).put("url", baseUrl + "/repos/" + owner + "/" + repo)
        .put("html_url", "https://github.example/" + owner + "/" + repo).put("has_issues", true).put("private", true);
    r.set("owner", user(owner));
    r.putObject("permissions").put("admin", false).put("push", true).put("pull", true);
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
    issue.put("updated_at", clock.instant().toString());
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

  private static ResponseDefinition validation(String field, String code) {
    ObjectNode e = JSON.createObjectNode();
    e.put("message", "Validation Failed");
    e.putArray("errors").addObject().put("resource", "Issue").put("field", field).put("code", code);
    return ok(422, e);
  }

  static ResponseDefinition error(int status, String message) {
    return ok(status, JSON.createObjectNode().put("message", message).put("documentation_url", "https://docs.github.com/rest"));
  }
}
