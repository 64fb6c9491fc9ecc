package dev.followthrough.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.followthrough.gitlab.SimulatedIssues.Project;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The REST routes of the GitLab simulator (sources in GITLAB-API.md and on each rule). */
final class IssueRoutes {
  /** Past this many results GitLab.com leaves out x-total, x-total-pages and rel="last" (REST API docs, pagination). */
  static int countLimit = 10_000;

  private final SimulatedIssues issues;
  private final Map<String, ObjectNode> users;
  private final Clock clock;

  IssueRoutes(SimulatedIssues issues, Map<String, ObjectNode> users, Clock clock) {
    this.issues = issues;
    this.users = users;
    this.clock = clock;
  }

  ResponseDefinition route(String method, String url, String body, boolean admin) {
    String rawPath = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    Map<String, List<String>> params = form(url.contains("?") ? url.substring(url.indexOf('?') + 1) : "");
    form(body == null ? "" : body).forEach((k, v) -> params.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    List<String> seg = Arrays.asList(rawPath.replaceFirst("^/api/v4/", "").split("/"));
    if (seg.size() == 1 && seg.get(0).equals("users") && method.equals("GET")) {
      return users(params);
    }
    if (seg.get(0).equals("issues")) {
      if (seg.size() == 2 && method.equals("GET")) {
        // GET /issues/:id is for administrators only (Issues API docs, "Single issue").
        if (!admin) {
          return message(403, "403 Forbidden");
        }
        ObjectNode i = issues.byGlobalId(Long.parseLong(seg.get(1)));
        return i == null ? message(404, "404 Not found") : json(200, i);
      }
      return list(new ArrayList<>(issues.all()), params, rawPath);
    }
    if (!seg.get(0).equals("projects") || seg.size() < 2) {
      return message(404, "404 Not Found");
    }
    Project p = issues.project(seg.get(1));
    if (p == null) {
      // A project the token cannot see answers 404, like one that does not exist (Issues API docs, introduction).
      return message(404, "404 Project Not Found");
    }
    if (seg.size() == 2 && method.equals("GET")) {
      return json(200, SimulatedIssues.JSON.createObjectNode().put("id", p.id()).put("path_with_namespace", p.path()));
    }
    if (seg.size() == 3 && seg.get(2).equals("issues")) {
      return method.equals("POST") ? create(p, params) : list(issues.in(p), params, rawPath);
    }
    if (seg.size() >= 4 && seg.get(2).equals("issues")) {
      ObjectNode issue = issues.find(p, Long.parseLong(seg.get(3)));
      if (issue == null) {
        return message(404, "404 Not found");
      }
      if (seg.size() == 5 && seg.get(4).equals("notes") && method.equals("POST")) {
        issues.addNote(issue, one(params, "body"));
        return json(201, SimulatedIssues.JSON.createObjectNode().put("id", 9000 + issues.notes(issue).size())
            .put("body", one(params, "body")).put("noteable_iid", issue.path("iid").asLong()).put("system", false));
      }
      if (seg.size() == 4 && method.equals("GET")) {
        return json(200, issue);
      }
      if (seg.size() == 4 && method.equals("PUT")) {
        return edit(issue, params);
      }
    }
    return message(404, "404 Not Found");
  }

  private ResponseDefinition create(Project p, Map<String, List<String>> params) {
    String title = one(params, "title");
    if (title == null || title.isBlank()) {
      return message(400, "title is missing");
    }
    ResponseDefinition refused = refused(title, one(params, "description"), split(one(params, "labels")), one(params, "due_date"));
    if (refused != null) {
      return refused;
    }
    ObjectNode issue = issues.create(p, title, one(params, "description"), split(one(params, "labels")));
    applyDueDate(issue, one(params, "due_date"));
    assign(issue, all(params, "assignee_ids"));
    if (one(params, "assignee_id") != null) {
      assign(issue, List.of(one(params, "assignee_id")));
    }
    return json(201, issue);
  }

  /**
   * Titles and label titles are at most 255 characters (Issuable::TITLE_LENGTH_MAX; BaseLabel
   * validates :title length maximum 255 and no comma), descriptions at most 1,048,576 characters
   * (Issues API docs), due dates {@code YYYY-MM-DD}; a refusal is 400 with the field's messages.
   */
  private static ResponseDefinition refused(String title, String description, List<String> labels, String due) {
    if (title != null && title.length() > 255) {
      return fieldError("title", "is too long (maximum is 255 characters)");
    }
    if (description != null && description.length() > 1_048_576) {
      return fieldError("description", "is too long (maximum is 1048576 characters)");
    }
    for (String label : labels) {
      if (label.length() > 255) {
        return fieldError("labels", "is invalid");
      }
    }
    if (due != null && !due.isEmpty()) {
      try {
        LocalDate.parse(due);
      } catch (DateTimeParseException e) {
        // Grape's type coercion answers 400 {"error": "due_date is invalid"} for a date it cannot read.
        return json(400, SimulatedIssues.JSON.createObjectNode().put("error", "due_date is invalid"));
      }
    }
    return null;
  }

  private ResponseDefinition edit(ObjectNode issue, Map<String, List<String>> params) {
    ResponseDefinition refused = refused(one(params, "title"), one(params, "description"), split(one(params, "add_labels")),
        one(params, "due_date"));
    if (refused != null) {
      return refused;
    }
    if (one(params, "title") != null) {
      issue.put("title", one(params, "title"));
    }
    if (one(params, "description") != null) {
      issue.put("description", one(params, "description"));
    }
    if (params.containsKey("due_date")) {
      applyDueDate(issue, one(params, "due_date"));
    }
    List<String> labels = params.containsKey("labels") ? split(one(params, "labels")) : SimulatedIssues.labelNames(issue);
    labels = new ArrayList<>(labels);
    labels.addAll(split(one(params, "add_labels")));
    labels.removeAll(split(one(params, "remove_labels")));
    issues.labels(issue, labels);
    if (params.containsKey("assignee_ids") || params.containsKey("assignee_ids[]")) {
      assign(issue, all(params, "assignee_ids"));
    }
    // state_event: close or reopen (Issues API docs, update an issue); closing a closed issue changes nothing.
    String event = one(params, "state_event");
    if ("close".equals(event) && !issue.path("state").asText().equals("closed")) {
      issue.put("state", "closed").put("closed_at", issues.now());
    } else if ("reopen".equals(event) && issue.path("state").asText().equals("closed")) {
      issue.put("state", "opened").putNull("closed_at");
    }
    issues.touch(issue);
    return json(200, issue);
  }

  private static void applyDueDate(ObjectNode issue, String due) {
    if (due == null || due.isEmpty()) {
      issue.putNull("due_date");
    } else {
      issue.put("due_date", due);
    }
  }

  /** Unknown user ids are dropped, the rest assigned; an empty value or 0 unassigns (Issues API docs, update an issue). */
  private void assign(ObjectNode issue, List<String> ids) {
    ArrayNode assignees = issue.putArray("assignees");
    for (String id : ids) {
      users.values().stream().filter(u -> u.path("id").asText().equals(id)).findFirst().ifPresent(assignees::add);
    }
    issue.set("assignee", assignees.isEmpty() ? null : assignees.get(0));
  }

  /** {@code GET /users?username=} matches one username exactly; {@code search} matches names and public e-mails (Users API docs). */
  private ResponseDefinition users(Map<String, List<String>> params) {
    ArrayNode out = SimulatedIssues.JSON.createArrayNode();
    String username = one(params, "username");
    String search = one(params, "search");
    for (ObjectNode u : users.values()) {
      boolean match = username != null ? u.path("username").asText().equalsIgnoreCase(username)
          : search != null && (u.path("username").asText().contains(search) || u.path("public_email").asText("").equalsIgnoreCase(search));
      if (match) {
        out.add(u);
      }
    }
    return paged(out, 1, 20, List.of(), "/api/v4/users", Map.of());
  }

  /**
   * Lists: {@code labels} (all must match), {@code state} opened|closed|all (default all),
   * {@code updated_after}, {@code search} with {@code in}, {@code order_by} created_at (default) or
   * updated_at, {@code sort} desc (default); {@code per_page} default 20, at most 100 (Issues API
   * docs, list project issues; REST API docs, pagination).
   */
  private ResponseDefinition list(List<ObjectNode> candidates, Map<String, List<String>> params, String path) {
    List<String> labels = split(one(params, "labels"));
    String state = one(params, "state");
    String search = one(params, "search");
    String updatedAfter = one(params, "updated_after");
    List<ObjectNode> matches = new ArrayList<>();
    for (ObjectNode i : candidates) {
      boolean stateOk = state == null || state.equals("all") || i.path("state").asText().equals(state);
      boolean searchOk = search == null || (i.path("title").asText() + " " + i.path("description").asText("")).contains(search);
      boolean updatedOk = updatedAfter == null || !Instant.parse(i.path("updated_at").asText()).isBefore(Instant.parse(updatedAfter));
      if (stateOk && searchOk && updatedOk && SimulatedIssues.labelNames(i).containsAll(labels)) {
        matches.add(i);
      }
    }
    String orderBy = "updated_at".equals(one(params, "order_by")) ? "updated_at" : "created_at";
    Comparator<ObjectNode> order = Comparator.comparing((ObjectNode i) -> i.path(orderBy).asText()).thenComparing(i -> i.path("id").asLong());
    matches.sort("asc".equals(one(params, "sort")) ? order : order.reversed());
    int perPage = Math.min(100, Math.max(1, Integer.parseInt(orDefault(one(params, "per_page"), "20"))));
    int page = Math.max(1, Integer.parseInt(orDefault(one(params, "page"), "1")));
    ArrayNode out = SimulatedIssues.JSON.createArrayNode();
    for (int k = (page - 1) * perPage; k < Math.min(matches.size(), page * perPage); k++) {
      out.add(matches.get(k));
    }
    Map<String, String> query = new LinkedHashMap<>();
    params.forEach((k, v) -> query.put(k, v.get(0)));
    return paged(out, page, perPage, matches, path, query);
  }

  /**
   * Offset paging headers: {@code x-next-page} (empty on the last page), {@code x-page},
   * {@code x-per-page}, {@code x-prev-page}, {@code x-total}, {@code x-total-pages} and a {@code Link}
   * header with next, prev, first and last; past the count limit GitLab leaves out
   * {@code x-total}, {@code x-total-pages} and rel="last" (REST API docs, pagination).
   */
  private static ResponseDefinition paged(ArrayNode page, int number, int perPage, List<?> all, String path, Map<String, String> query) {
    int total = all.isEmpty() ? page.size() : all.size();
    int pages = Math.max(1, (total + perPage - 1) / perPage);
    ResponseDefinitionBuilder r = aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withHeader("x-page", String.valueOf(number)).withHeader("x-per-page", String.valueOf(perPage))
        .withHeader("x-next-page", number < pages ? String.valueOf(number + 1) : "")
        .withHeader("x-prev-page", number > 1 ? String.valueOf(number - 1) : "").withBody(page.toString());
    boolean counted = total <= countLimit;
    if (counted) {
      r.withHeader("x-total", String.valueOf(total)).withHeader("x-total-pages", String.valueOf(pages));
    }
    List<String> links = new ArrayList<>();
    if (number < pages) {
      links.add(link(path, query, number + 1, "next"));
    }
    if (number > 1) {
      links.add(link(path, query, number - 1, "prev"));
    }
    links.add(link(path, query, 1, "first"));
    if (counted) {
      links.add(link(path, query, pages, "last"));
    }
    return r.withHeader("Link", String.join(", ", links)).build();
  }

  private static String link(String path, Map<String, String> query, int page, String rel) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put("page", String.valueOf(page));
    StringBuilder s = new StringBuilder();
    q.forEach((k, v) -> s.append(s.length() == 0 ? "?" : "&").append(k).append('=')
        .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return "<https://gitlab.example.com" + path + s + ">; rel=\"" + rel + "\"";
  }

  private static Map<String, List<String>> form(String encoded) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k.endsWith("[]") ? k.substring(0, k.length() - 2) : k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String one(Map<String, List<String>> params, String key) {
    List<String> v = params.get(key);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static List<String> all(Map<String, List<String>> params, String key) {
    return params.getOrDefault(key, List.of()).stream().filter(s -> !s.isEmpty() && !s.equals("0")).toList();
  }

  private static List<String> split(String csv) {
    return csv == null || csv.isEmpty() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String orDefault(String v, String d) {
    return v == null || v.isEmpty() ? d : v;
  }

  static ResponseDefinition json(int status, JsonNode body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString()).build();
  }

  static ResponseDefinition message(int status, String message) {
    return json(status, SimulatedIssues.JSON.createObjectNode().put("message", message));
  }

  /** Validation errors: 400 {"message": {"field": ["..."]}} (REST API docs, data validation and error reporting). */
  static ResponseDefinition fieldError(String field, String problem) {
    ObjectNode e = SimulatedIssues.JSON.createObjectNode();
    e.putObject("message").putArray(field).add(problem);
    return json(400, e);
  }
}
