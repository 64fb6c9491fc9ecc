package dev.followthrough.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.followthrough.jira.JiraIssueStore.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.followthrough.tck.RequestKind;
import dev.followthrough.tck.AimedFaults;
import dev.followthrough.core.tracker.TrackerFault;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, stateful Jira behind WireMock, written from the public REST documentation and the facts
 * in TRACKER-APIS.md (each behaviour names its source): bulk create with per-element errors, JQL
 * search by labels or keys over a lagging index, edits, a workflow whose transitions depend on the
 * current status, resolutions, user search, remote links, issue properties, deleted issues, a site
 * under a context path, and faults aimed at one kind of request.
 */
final class JiraSimulator implements ResponseDefinitionTransformerV2 {
  static final String NAME = "jira-simulator";
  private static final Pattern LABELS_JQL = Pattern.compile("project = \"([^\"]+)\" AND labels in \\((.*)\\)");
  private static final Pattern CHANGED_JQL = Pattern.compile(
      "project = \"([^\"]+)\" AND labels = \"([^\"]+)\" AND updated >= (\\d+) ORDER BY updated ASC, key ASC");
  private static final Pattern KEYS_JQL = Pattern.compile("key in \\((.*)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern ISSUE_PATH =
      Pattern.compile("/issue/([A-Z]+-\\d+)(/transitions|/remotelink|/comment|/properties/[\\w.-]+)?");

  final boolean cloud;
  final String project;
  final String authorization;
  final JiraWorkflow workflow;
  private final Clock clock;
  private final String api;
  private final JiraIssueStore store;
  private final List<ObjectNode> users = new ArrayList<>();
  private final Deque<Supplier<ResponseDefinition>> injected = new ArrayDeque<>();
  /** Faults aimed at kinds of request, and the hook that sees each request carried out. */
  final AimedFaults faults;
  private Integer delayNext;
  private String rejectSummariesContaining;
  private final java.util.Set<Integer> elementsFailingAfterCreate = new java.util.HashSet<>();
  private int next = 1;
  private String baseUrl = "http://localhost";

  JiraSimulator(boolean cloud, String project, String authorization, Clock clock, Duration searchLag, String contextPath,
      JiraWorkflow workflow) {
    this.cloud = cloud;
    this.project = project;
    this.authorization = authorization;
    this.clock = clock;
    this.workflow = workflow;
    // The site URL can carry a path; API paths go below it (TRACKER-APIS.md, last table).
    this.api = contextPath + (cloud ? "/rest/api/3" : "/rest/api/2");
    this.store = new JiraIssueStore(clock, searchLag);
    this.faults = new AimedFaults(clock);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  void baseUrl(String url) {
    this.baseUrl = url;
  }

  // ---- Test controls ----------------------------------------------------------------------

  /** Jira's clock runs this far ahead of the test clock (negative: behind); it stamps {@code updated}. */
  synchronized void clockSkew(Duration skew) {
    store.clockSkew(skew);
  }

  synchronized void addUser(String account, String email, String displayName) {
    ObjectNode u = JSON.createObjectNode();
    u.put(cloud ? "accountId" : "name", account).put("emailAddress", email).put("displayName", displayName);
    users.add(u);
  }

  synchronized void failNextWithHeaders(int status, Map<String, String> headers, String body) {
    injected.add(() -> {
      ResponseDefinitionBuilder r = aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
      headers.forEach(r::withHeader);
      return r.build();
    });
  }

  synchronized void failNext(int status, String retryAfter, String body) {
    failNextWithHeaders(status, retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter), body);
  }

  /** The next request is answered, but only after {@code millis}. */
  synchronized void delayNext(int millis) {
    delayNext = millis;
  }

  synchronized void malformedNext() {
    injected.add(() -> aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"issues\": [").build());
  }

  synchronized void resetNext() {
    injected.add(() -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build());
  }

  /** Bulk-create elements whose summary contains this text fail on their own (null: none). */
  synchronized void rejectSummariesContaining(String text) {
    rejectSummariesContaining = text;
  }

  /** The next bulk create makes its issues, then the connection is reset before the answer. */
  synchronized void loseNextCreate() {
    faults.aim(RequestKind.CREATE, TrackerFault.RESET_AFTER_APPLIED);
  }

  synchronized void setStatus(String key, String category, String name, String resolution) {
    JiraIssueStore.status((ObjectNode) store.get(key).get("fields"), category, name, resolution);
    store.written(key);
  }

  synchronized void setAssignee(String key, String account) {
    ((ObjectNode) store.get(key).get("fields")).set("assignee", user(account));
    store.written(key);
  }

  /** Replaces one label, as a person (or an older version of the tool) would. */
  synchronized void relabel(String key, String from, String to) {
    ObjectNode fields = (ObjectNode) store.get(key).get("fields");
    List<String> labels = JiraIssueStore.labels(fields);
    labels.replaceAll(l -> l.equals(from) ? to : l);
    fields.set("labels", JSON.valueToTree(labels));
    store.written(key);
  }

  /**
   * In the next bulk create, these elements are created but reported in {@code errors[]} with a
   * 500: the OpenAPI's {@code BulkOperationErrorResult} carries a status per element, and a 5xx
   * says nothing of whether the element's issue was written (RFC 9110 §15.6).
   */
  synchronized void failElementsAfterCreating(Integer... indexes) {
    elementsFailingAfterCreate.addAll(List.of(indexes));
  }

  /** Moves an issue to another project under a new key; its old key still finds it. */
  synchronized void move(String key, String newKey) {
    store.move(key, newKey);
  }

  /** Deletes an issue as a person with the Delete issues permission would. */
  synchronized void delete(String key) {
    store.delete(key);
  }

  /** A ticket's comments as plain text. */
  synchronized List<String> comments(String key) {
    List<String> texts = new ArrayList<>();
    store.get(key).path("comments").forEach(c -> texts.add(c.isTextual() ? c.asText() : JiraFields.Adf.text(c)));
    return texts;
  }

  synchronized List<ObjectNode> issues() {
    return store.all();
  }

  // ---- Jira ---------------------------------------------------------------------------------

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    faults.settle(store::finishedAt);
    var request = event.getRequest();
    if (!injected.isEmpty()) {
      return injected.poll().get();
    }
    String method = request.getMethod().getName();
    String url = request.getUrl();
    String body = request.getBodyAsString();
    String auth = request.getHeader("Authorization");
    Supplier<ResponseDefinition> work = () -> handle(method, url, body, auth);
    // Cloud rate limits: 429 with Retry-After in seconds (TRACKER-APIS.md, rate limits).
    Supplier<ResponseDefinition> limited = () -> aResponse().withStatus(429).withHeader("Retry-After", "7")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}").build();
    ResponseDefinition answer = faults.answer(kind(method, url), work, limited);
    Integer delay = delayNext;
    delayNext = null;
    return delay == null ? answer : ResponseDefinitionBuilder.like(answer).withFixedDelay(delay).build();
  }

  private RequestKind kind(String method, String url) {
    String path = url.startsWith(api) ? url.substring(api.length()).replaceAll("\\?.*", "") : url;
    if (path.equals("/issue/bulk")) {
      return RequestKind.CREATE;
    }
    if (path.startsWith("/search")) {
      return RequestKind.SEARCH;
    }
    if (method.equals("GET")) {
      return RequestKind.READ;
    }
    if (path.endsWith("/transitions")) {
      return RequestKind.TRANSITION;
    }
    if (path.endsWith("/remotelink")) {
      return RequestKind.SOURCE_LINK;
    }
    if (path.endsWith("/comment")) {
      return RequestKind.COMMENT;
    }
    return method.equals("PUT") ? RequestKind.EDIT : null;
  }

  private ResponseDefinition handle(String method, String url, String body, String auth) {
    try {
      return route(method, url, body, auth);
    } catch (Exception e) {
      return error(400, "bad request: " + e.getMessage());
    }
  }

  private ResponseDefinition route(String method, String url, String body, String auth) throws Exception {
    if (!authorization.equals(auth)) {
      return error(401, "You are not authenticated. Authentication required to perform this operation.");
    }
    if (!url.startsWith(api + "/")) {
      return error(404, "No such endpoint");
    }
    String path = url.substring(api.length());
    String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
    path = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
    if (method.equals("POST") && path.equals("/issue/bulk")) {
      return bulkCreate(json);
    }
    if (method.equals("POST") && path.equals(cloud ? "/search/jql" : "/search")) {
      return search(json);
    }
    if (path.equals("/search") || path.equals("/search/jql")) {
      // Cloud's old search endpoints answer 410 since the 2025 shutdown (CHANGE-2046).
      return error(410, "The requested API has been removed.");
    }
    if (method.equals("GET") && path.equals("/user/search")) {
      return userSearch(query);
    }
    Matcher m = ISSUE_PATH.matcher(path);
    if (!m.matches()) {
      return error(404, "No such endpoint");
    }
    ObjectNode issue = store.get(m.group(1));
    if (issue == null) {
      // Jira REST docs, Get issue: 404 for a deleted issue or one the account cannot see.
      return error(404, "Issue does not exist or you do not have permission to see it.");
    }
    String key = store.current(m.group(1));
    String sub = m.group(2) == null ? "" : m.group(2);
    return switch (method + " " + (sub.startsWith("/properties/") ? "/properties" : sub)) {
      case "GET " -> ok(200, issue);
      case "PUT " -> edit(key, issue, json);
      case "GET /transitions" -> ok(200, workflow.available(issue, query.contains("expand=transitions.fields")));
      case "POST /transitions" -> transition(key, issue, json);
      case "POST /comment" -> comment(key, issue, json);
      case "POST /remotelink" -> remoteLink(key, issue, json);
      case "PUT /properties" -> {
        // Entity properties: any JSON value up to 32,768 characters (Jira REST docs).
        if (json == null || json.toString().length() > 32_768) {
          yield error(400, "The property value is not valid.");
        }
        issue.with("propertiesByKey").set(sub.substring("/properties/".length()), json);
        yield aResponse().withStatus(200).build();
      }
      default -> error(405, "Method not allowed");
    };
  }

  private ResponseDefinition bulkCreate(JsonNode body) {
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode created = answer.putArray("issues");
    ArrayNode errors = answer.putArray("errors");
    JsonNode updates = body.path("issueUpdates");
    if (updates.size() > 50) {
      return error(400, "The number of issues to create exceeds the maximum of 50.");
    }
    for (int i = 0; i < updates.size(); i++) {
      JsonNode f = updates.get(i).path("fields");
      Map<String, String> problems = JiraValidation.create(f, project, cloud, rejectSummariesContaining);
      if (!problems.isEmpty()) {
        ObjectNode e = errors.addObject();
        e.put("status", 400).put("failedElementNumber", i);
        ObjectNode ee = e.putObject("elementErrors");
        ee.putArray("errorMessages");
        ObjectNode fieldErrors = ee.putObject("errors");
        problems.forEach(fieldErrors::put);
        continue;
      }
      String key = project + "-" + next++;
      ObjectNode issue = JSON.createObjectNode();
      issue.put("id", String.valueOf(10000 + next)).put("key", key).put("self", baseUrl + api + "/issue/" + (10000 + next));
      ObjectNode fields = ((ObjectNode) f).deepCopy();
      fields.remove("project");
      fields.remove("issuetype");
      if (f.has("priority")) {
        fields.set("priority", JSON.createObjectNode().put("name", f.path("priority").path("name").asText()));
      }
      if (f.has("assignee")) {
        fields.set("assignee", user(f.path("assignee").path(cloud ? "accountId" : "name").asText()));
      }
      JiraIssueStore.status(fields, "new", "To Do", null);
      issue.set("fields", fields);
      issue.set("properties", updates.get(i).path("properties"));
      store.put(key, issue);
      if (elementsFailingAfterCreate.remove(i)) {
        errors.addObject().put("status", 500).put("failedElementNumber", i).putObject("elementErrors")
            .putArray("errorMessages").add("Internal server error");
        continue;
      }
      created.addObject().put("id", issue.get("id").asText()).put("key", key).put("self", issue.get("self").asText());
    }
    // Bulk create: 201 when any issue was created, 400 only when all failed (Jira REST docs).
    return ok(created.isEmpty() && !errors.isEmpty() ? 400 : 201, answer);
  }

  private ResponseDefinition edit(String key, ObjectNode issue, JsonNode body) {
    ObjectNode fields = (ObjectNode) issue.get("fields");
    List<String> labels = JiraIssueStore.labels(fields);
    for (JsonNode op : body.path("update").path("labels")) {
      if (op.has("add") && !labels.contains(op.get("add").asText())) {
        labels.add(op.get("add").asText());
      }
      if (op.has("remove")) {
        labels.remove(op.get("remove").asText());
      }
    }
    ObjectNode check = JSON.createObjectNode();
    check.set("labels", JSON.valueToTree(labels));
    Map<String, String> problems = JiraValidation.labels(check);
    if (!problems.isEmpty()) {
      ObjectNode e = JSON.createObjectNode();
      e.putArray("errorMessages");
      problems.forEach(e.putObject("errors")::put);
      return ok(400, e);
    }
    body.path("fields").fields().forEachRemaining(e -> {
      switch (e.getKey()) {
        case "priority" -> fields.set("priority", JSON.createObjectNode().put("name", e.getValue().path("name").asText()));
        case "assignee" -> fields.set("assignee", user(e.getValue().path(cloud ? "accountId" : "name").asText()));
        default -> fields.set(e.getKey(), e.getValue());
      }
    });
    fields.set("labels", JSON.valueToTree(labels));
    store.written(key);
    return aResponse().withStatus(204).build();
  }

  private ResponseDefinition transition(String key, ObjectNode issue, JsonNode body) {
    String problem = workflow.apply(issue, body);
    if (problem != null) {
      return error(400, problem);
    }
    store.written(key);
    return aResponse().withStatus(204).build();
  }

  private ResponseDefinition comment(String key, ObjectNode issue, JsonNode json) {
    JsonNode b = json.path("body");
    if (cloud ? !"doc".equals(b.path("type").asText()) : !b.isTextual()) {
      return error(400, "Comment body is not valid for this Jira deployment");
    }
    issue.withArray("comments").add(b);
    return ok(201, JSON.createObjectNode().put("id", "10001"));
  }

  /** The same globalId updates the link (200) instead of adding another (201): Jira REST docs, remote links. */
  private ResponseDefinition remoteLink(String key, ObjectNode issue, JsonNode json) {
    ArrayNode links = issue.withArray("remotelinks");
    String globalId = json.path("globalId").asText(null);
    for (int i = 0; i < links.size(); i++) {
      if (globalId != null && globalId.equals(links.get(i).path("globalId").asText(null))) {
        links.set(i, json);
        return ok(200, JSON.createObjectNode().put("id", 10000 + i));
      }
    }
    links.add(json);
    return ok(201, JSON.createObjectNode().put("id", 10000 + links.size() - 1)
        .put("self", baseUrl + api + "/issue/" + key + "/remotelink/" + (10000 + links.size() - 1)));
  }

  private ResponseDefinition search(JsonNode body) {
    String jql = body.path("jql").asText();
    List<ObjectNode> matches = new ArrayList<>();
    Matcher labels = LABELS_JQL.matcher(jql);
    Matcher keys = KEYS_JQL.matcher(jql);
    Matcher changed = CHANGED_JQL.matcher(jql);
    if (changed.matches()) {
      // JQL compares a date field with a number as epoch milliseconds, whatever the searching
      // account's time zone; ORDER BY updated, key fixes the order of equal times. The result is
      // computed afresh for every page, so offset paging shifts when an issue changes meanwhile.
      Instant since = Instant.ofEpochMilli(Long.parseLong(changed.group(3)));
      store.indexed().stream()
          .filter(i -> changed.group(1).equals(project) && JiraIssueStore.labels(i.path("fields")).contains(changed.group(2)))
          .filter(i -> !JiraIssueStore.updated(i).isBefore(since))
          .sorted(java.util.Comparator.comparing(JiraIssueStore::updated).thenComparing(i -> i.path("key").asText()))
          .forEach(matches::add);
    } else if (labels.matches()) {
      List<String> wanted = quoted(labels.group(2));
      for (ObjectNode issue : store.indexed()) {
        if (labels.group(1).equals(project) && JiraIssueStore.labels(issue.path("fields")).stream().anyMatch(wanted::contains)) {
          matches.add(issue);
        }
      }
    } else if (keys.matches()) {
      List<String> wanted = quoted(keys.group(1));
      for (String key : wanted) {
        if (!store.exists(key)) {
          // JQL validation refuses the whole query (TRACKER-APIS.md, last table).
          return error(400, "An issue with key '" + key + "' does not exist for field 'key'.");
        }
      }
      List<String> current = wanted.stream().map(store::current).toList();
      store.indexed().stream().filter(i -> current.contains(i.path("key").asText())).forEach(matches::add);
    } else {
      return error(400, "Error in the JQL Query: the simulator does not understand '" + jql + "'");
    }
    return ok(200, JiraPages.page(matches, body, cloud));
  }

  private ResponseDefinition userSearch(String query) {
    String param = cloud ? "query=" : "username=";
    String wanted = "";
    for (String part : query.split("&")) {
      if (part.startsWith(param)) {
        wanted = URLDecoder.decode(part.substring(param.length()), StandardCharsets.UTF_8).toLowerCase();
      }
    }
    ArrayNode found = JSON.createArrayNode();
    for (ObjectNode u : users) {
      String email = u.path("emailAddress").asText().toLowerCase();
      String name = u.path(cloud ? "accountId" : "name").asText().toLowerCase();
      if (email.equals(wanted) || email.startsWith(wanted + "@") || name.equals(wanted)
          || u.path("displayName").asText().toLowerCase().startsWith(wanted)) {
        found.add(u);
      }
    }
    return ok(200, found);
  }

  private JsonNode user(String account) {
    return users.stream().filter(u -> account.equals(u.path(cloud ? "accountId" : "name").asText()))
        .findFirst().map(u -> (JsonNode) u.deepCopy()).orElse(null);
  }

  private static List<String> quoted(String list) {
    List<String> values = new ArrayList<>();
    Matcher q = QUOTED.matcher(list);
    while (q.find()) {
      values.add(q.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    return values;
  }

  static ResponseDefinition ok(int status, JsonNode body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString()).build();
  }

  static ResponseDefinition error(int status, String message) {
    ObjectNode e = JSON.createObjectNode();
    e.putArray("errorMessages").add(message);
    e.putObject("errors");
    return ok(status, e);
  }
}
