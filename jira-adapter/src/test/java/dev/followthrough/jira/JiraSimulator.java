package dev.followthrough.jira;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, stateful Jira behind WireMock, written from the public REST documentation: bulk create
 * with per-element errors, JQL search by labels or keys (Cloud {@code /search/jql} with
 * {@code nextPageToken}, Data Center {@code /search} with {@code startAt}), edits, a workflow
 * whose transitions are found by status category, user search, remote links, authentication, a
 * search index that lags behind writes, and injected faults.
 */
final class JiraSimulator implements ResponseDefinitionTransformerV2 {
  static final String NAME = "jira-simulator";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter JIRA_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
  private static final Pattern LABELS_JQL = Pattern.compile("project = \"([^\"]+)\" AND labels in \\((.*)\\)");
  private static final Pattern KEYS_JQL = Pattern.compile("key in \\((.*)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  final boolean cloud;
  final String project;
  final String authorization;
  private final Clock clock;
  private final Duration searchLag;
  private final String api;
  private final Map<String, ObjectNode> issues = new LinkedHashMap<>();
  private final Map<String, Instant> searchableFrom = new LinkedHashMap<>();
  private final List<ObjectNode> users = new ArrayList<>();
  private final Deque<Supplier<ResponseDefinition>> injected = new ArrayDeque<>();
  private int loseCreates;
  private int next = 1;
  private String baseUrl = "http://localhost";

  JiraSimulator(boolean cloud, String project, String authorization, Clock clock, Duration searchLag) {
    this.cloud = cloud;
    this.project = project;
    this.authorization = authorization;
    this.clock = clock;
    this.searchLag = searchLag;
    this.api = cloud ? "/rest/api/3" : "/rest/api/2";
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
    injected.add(() -> {
      ResponseDefinitionBuilder r = aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
      if (retryAfter != null) {
        r.withHeader("Retry-After", retryAfter);
      }
      return r.build();
    });
  }

  /** The next request is answered, but only after {@code millis}. */
  synchronized void delayNext(int millis) {
    delayNext = millis;
  }

  private Integer delayNext;

  synchronized void malformedNext() {
    injected.add(() -> aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"issues\": [").build());
  }

  synchronized void resetNext() {
    injected.add(() -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build());
  }

  private String rejectSummariesContaining;

  /** Bulk-create elements whose summary contains this text fail on their own (null: none). */
  synchronized void rejectSummariesContaining(String text) {
    rejectSummariesContaining = text;
  }

  /** The next bulk create makes its issues, then the connection is reset before the answer. */
  synchronized void loseNextCreate() {
    loseCreates++;
  }

  synchronized void setStatus(String key, String category, String name, String resolution) {
    ObjectNode f = (ObjectNode) issues.get(key).get("fields");
    status(f, category, name, resolution);
    touch(f);
  }

  synchronized void setAssignee(String key, String account) {
    ObjectNode f = (ObjectNode) issues.get(key).get("fields");
    f.set("assignee", users.stream().filter(u -> account.equals(u.path(cloud ? "accountId" : "name").asText()))
        .findFirst().map(u -> (JsonNode) u.deepCopy()).orElseThrow());
    touch(f);
  }

  /** A ticket's comments as plain text. */
  synchronized List<String> comments(String key) {
    List<String> texts = new ArrayList<>();
    issues.get(key).path("comments").forEach(c -> texts.add(c.isTextual() ? c.asText() : JiraFields.Adf.text(c)));
    return texts;
  }

  synchronized List<ObjectNode> issues() {
    return List.copyOf(issues.values());
  }

  // ---- Jira ---------------------------------------------------------------------------------

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    var request = event.getRequest();
    if (!injected.isEmpty()) {
      return injected.poll().get();
    }
    Integer delay = delayNext;
    delayNext = null;
    return handle(request.getMethod().getName(), request.getUrl(), request.getBodyAsString(), request.getHeader("Authorization"), delay);
  }

  private ResponseDefinition handle(String method, String url, String body, String auth, Integer delay) {
    ResponseDefinition answer;
    try {
      answer = route(method, url, body, auth);
    } catch (Exception e) {
      answer = error(400, "bad request: " + e.getMessage());
    }
    if (delay != null) {
      return ResponseDefinitionBuilder.like(answer).withFixedDelay(delay).build();
    }
    return answer;
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
      return error(410, "The requested API has been removed.");
    }
    if (method.equals("GET") && path.equals("/user/search")) {
      return userSearch(query);
    }
    Matcher m = Pattern.compile("/issue/([A-Z]+-\\d+)(/transitions|/remotelink|/comment)?").matcher(path);
    if (!m.matches()) {
      return error(404, "No such endpoint");
    }
    ObjectNode issue = issues.get(m.group(1));
    if (issue == null) {
      return error(404, "Issue does not exist or you do not have permission to see it.");
    }
    String sub = m.group(2);
    if (sub == null && method.equals("GET")) {
      return ok(200, issue);
    }
    if (sub == null && method.equals("PUT")) {
      return edit(issue, json);
    }
    if ("/transitions".equals(sub) && method.equals("GET")) {
      return ok(200, transitions());
    }
    if ("/transitions".equals(sub) && method.equals("POST")) {
      return transition(issue, json.path("transition").path("id").asText());
    }
    if ("/comment".equals(sub) && method.equals("POST")) {
      JsonNode b = json.path("body");
      if (cloud ? !"doc".equals(b.path("type").asText()) : !b.isTextual()) {
        return error(400, "Comment body is not valid for this Jira deployment");
      }
      issue.withArray("comments").add(b);
      return ok(201, JSON.createObjectNode().put("id", "10001"));
    }
    if ("/remotelink".equals(sub) && method.equals("POST")) {
      ((ObjectNode) issue).withArray("remotelinks").add(json);
      return ok(201, JSON.createObjectNode().put("id", 10000).put("self", baseUrl + api + "/issue/" + m.group(1) + "/remotelink/10000"));
    }
    return error(405, "Method not allowed");
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
      Map<String, String> problems = validate(f);
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
        String account = f.path("assignee").path(cloud ? "accountId" : "name").asText();
        fields.set("assignee", users.stream().filter(u -> account.equals(u.path(cloud ? "accountId" : "name").asText()))
            .findFirst().map(u -> (JsonNode) u.deepCopy()).orElse(null));
      }
      status(fields, "new", "To Do", null);
      touch(fields);
      issue.set("fields", fields);
      issue.set("properties", updates.get(i).path("properties"));
      issues.put(key, issue);
      searchableFrom.put(key, clock.instant().plus(searchLag));
      created.addObject().put("id", issue.get("id").asText()).put("key", key).put("self", issue.get("self").asText());
    }
    if (loseCreates > 0) {
      loseCreates--;
      return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    return ok(created.isEmpty() && !errors.isEmpty() ? 400 : 201, answer);
  }

  private Map<String, String> validate(JsonNode f) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (!project.equals(f.path("project").path("key").asText())) {
      problems.put("project", "valid project is required");
    }
    if (f.path("issuetype").path("name").asText().isEmpty()) {
      problems.put("issuetype", "Specify an issue type");
    }
    if (f.path("summary").asText().isBlank()) {
      problems.put("summary", "You must specify a summary of the issue.");
    }
    if (rejectSummariesContaining != null && f.path("summary").asText().contains(rejectSummariesContaining)) {
      problems.put("customfield_10020", "Sprint is required for this issue type.");
    }
    for (JsonNode l : f.path("labels")) {
      if (l.asText().contains(" ")) {
        problems.put("labels", "The label '" + l.asText() + "' contains spaces which is invalid.");
      }
    }
    JsonNode d = f.get("description");
    if (d != null && !d.isNull()) {
      if (cloud && !(d.isObject() && "doc".equals(d.path("type").asText()))) {
        problems.put("description", "Operation value must be an Atlassian Document (see the Atlassian Document Format)");
      }
      if (!cloud && !d.isTextual()) {
        problems.put("description", "Operation value must be a string");
      }
    }
    return problems;
  }

  private ResponseDefinition edit(ObjectNode issue, JsonNode body) {
    ObjectNode fields = (ObjectNode) issue.get("fields");
    body.path("fields").fields().forEachRemaining(e -> {
      if (e.getKey().equals("priority")) {
        fields.set("priority", JSON.createObjectNode().put("name", e.getValue().path("name").asText()));
      } else if (e.getKey().equals("assignee")) {
        String account = e.getValue().path(cloud ? "accountId" : "name").asText();
        fields.set("assignee", users.stream().filter(u -> account.equals(u.path(cloud ? "accountId" : "name").asText()))
            .findFirst().map(u -> (JsonNode) u.deepCopy()).orElse(null));
      } else {
        fields.set(e.getKey(), e.getValue());
      }
    });
    for (JsonNode op : body.path("update").path("labels")) {
      ArrayNode labels = fields.withArray("labels");
      boolean present = false;
      for (JsonNode l : labels) {
        present |= l.asText().equals(op.path("add").asText());
      }
      if (op.has("add") && !present) {
        labels.add(op.get("add").asText());
      }
    }
    touch(fields);
    return aResponse().withStatus(204).build();
  }

  private static ObjectNode transitions() {
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode list = answer.putArray("transitions");
    addTransition(list, "11", "Reopen", "To Do", "new");
    addTransition(list, "21", "Start work", "In Progress", "indeterminate");
    addTransition(list, "41", "Won't do", "Won't Do", "done");
    addTransition(list, "31", "Finish", "Done", "done");
    return answer;
  }

  private static void addTransition(ArrayNode list, String id, String name, String to, String category) {
    ObjectNode t = list.addObject().put("id", id).put("name", name);
    t.putObject("to").put("name", to).putObject("statusCategory").put("key", category);
  }

  private ResponseDefinition transition(ObjectNode issue, String id) {
    ObjectNode fields = (ObjectNode) issue.get("fields");
    switch (id) {
      case "11" -> status(fields, "new", "To Do", null);
      case "21" -> status(fields, "indeterminate", "In Progress", null);
      case "31" -> status(fields, "done", "Done", "Done");
      case "41" -> status(fields, "done", "Won't Do", "Won't Do");
      default -> {
        return error(400, "Transition id '" + id + "' is not valid for this issue.");
      }
    }
    touch(fields);
    return aResponse().withStatus(204).build();
  }

  private ResponseDefinition search(JsonNode body) {
    String jql = body.path("jql").asText();
    List<ObjectNode> matches = new ArrayList<>();
    Matcher labels = LABELS_JQL.matcher(jql);
    Matcher keys = KEYS_JQL.matcher(jql);
    if (labels.matches()) {
      List<String> wanted = quoted(labels.group(2));
      for (ObjectNode issue : issues.values()) {
        boolean hit = false;
        for (JsonNode l : issue.path("fields").path("labels")) {
          hit |= wanted.contains(l.asText());
        }
        boolean indexed = !searchableFrom.getOrDefault(issue.get("key").asText(), Instant.MIN).isAfter(clock.instant());
        if (hit && indexed && labels.group(1).equals(project)) {
          matches.add(issue);
        }
      }
    } else if (keys.matches()) {
      for (String key : quoted(keys.group(1))) {
        if (!issues.containsKey(key)) {
          return error(400, "An issue with key '" + key + "' does not exist for field 'key'.");
        }
        matches.add(issues.get(key));
      }
    } else {
      return error(400, "Error in the JQL Query: the simulator does not understand '" + jql + "'");
    }
    int max = Math.min(body.path("maxResults").asInt(50), cloud ? 5000 : 1000);
    int start = cloud ? (body.hasNonNull("nextPageToken") ? Integer.parseInt(body.get("nextPageToken").asText()) : 0)
        : body.path("startAt").asInt(0);
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode page = answer.putArray("issues");
    for (int i = start; i < Math.min(matches.size(), start + max); i++) {
      page.add(matches.get(i));
    }
    boolean last = start + max >= matches.size();
    if (cloud) {
      answer.put("isLast", last);
      if (last) {
        answer.putNull("nextPageToken");
      } else {
        answer.put("nextPageToken", String.valueOf(start + max));
      }
    } else {
      answer.put("startAt", start).put("maxResults", max).put("total", matches.size());
    }
    return ok(200, answer);
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

  private void status(ObjectNode fields, String category, String name, String resolution) {
    ObjectNode s = fields.putObject("status");
    s.put("name", name).putObject("statusCategory").put("key", category);
    if (resolution == null) {
      fields.putNull("resolution");
    } else {
      fields.putObject("resolution").put("name", resolution);
    }
  }

  private void touch(ObjectNode fields) {
    fields.put("updated", JIRA_TIME.format(clock.instant()));
  }

  private static List<String> quoted(String list) {
    List<String> values = new ArrayList<>();
    Matcher q = QUOTED.matcher(list);
    while (q.find()) {
      values.add(q.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    return values;
  }

  private static ResponseDefinition ok(int status, JsonNode body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString()).build();
  }

  static ResponseDefinition error(int status, String message) {
    ObjectNode e = JSON.createObjectNode();
    e.putArray("errorMessages").add(message);
    e.putObject("errors");
    return ok(status, e);
  }
}
