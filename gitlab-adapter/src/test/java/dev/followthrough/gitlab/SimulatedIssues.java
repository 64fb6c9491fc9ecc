package dev.followthrough.gitlab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The issues of a simulated GitLab instance, across its projects, as the Issues API shows them
 * (doc/api/issues.md in gitlab-org/gitlab): a global {@code id} across the instance, an
 * {@code iid} numbered per project, labels as plain names, {@code due_date} as
 * {@code YYYY-MM-DD}, {@code moved_to_id}, {@code references.full} and {@code _links}.
 */
final class SimulatedIssues {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A project: its numeric id, its path, and the labels it has (a moved issue keeps only those). */
  record Project(long id, String path, Set<String> labels) {}

  private final Clock clock;
  private final String webBase;
  private final Map<Long, ObjectNode> byId = new LinkedHashMap<>();
  private final Map<String, Project> projects = new LinkedHashMap<>();
  private final Map<Long, Integer> nextIid = new LinkedHashMap<>();
  private final Map<Long, List<String>> notes = new LinkedHashMap<>();
  private long nextId = 500;

  SimulatedIssues(Clock clock, String webBase) {
    this.clock = clock;
    this.webBase = webBase;
  }

  Project addProject(long id, String path) {
    Project p = new Project(id, path, new HashSet<>());
    projects.put(path, p);
    projects.put(String.valueOf(id), p);
    nextIid.put(id, 1);
    return p;
  }

  /** The project a path segment names: its numeric id or its URL-encoded path (REST API docs, namespaced paths). */
  Project project(String idOrPath) {
    return projects.get(java.net.URLDecoder.decode(idOrPath, java.nio.charset.StandardCharsets.UTF_8));
  }

  ObjectNode create(Project p, String title, String description, List<String> labels) {
    long id = nextId++;
    int iid = nextIid.merge(p.id(), 1, Integer::sum) - 1;
    ObjectNode issue = JSON.createObjectNode();
    issue.put("id", id).put("iid", iid).put("project_id", p.id()).put("title", title).put("description", description)
        .put("state", "opened").put("created_at", now()).putNull("closed_at").putNull("due_date").putNull("moved_to_id")
        .put("web_url", webBase + "/" + p.path() + "/-/issues/" + iid).put("confidential", false).put("issue_type", "issue");
    issue.putObject("references").put("short", "#" + iid).put("relative", "#" + iid).put("full", p.path() + "#" + iid);
    issue.putObject("_links").put("self", webBase + "/api/v4/projects/" + p.id() + "/issues/" + iid).putNull("closed_as_duplicate_of");
    issue.putArray("assignees");
    issue.putNull("assignee");
    labels(issue, labels);
    touch(issue);
    byId.put(id, issue);
    notes.put(id, new ArrayList<>());
    return issue;
  }

  ObjectNode find(Project p, long iid) {
    return byId.values().stream().filter(i -> i.path("project_id").asLong() == p.id() && i.path("iid").asLong() == iid)
        .findFirst().orElse(null);
  }

  ObjectNode byGlobalId(long id) {
    return byId.get(id);
  }

  Collection<ObjectNode> all() {
    return byId.values();
  }

  List<ObjectNode> in(Project p) {
    return byId.values().stream().filter(i -> i.path("project_id").asLong() == p.id()).toList();
  }

  /** Deleting removes an issue for good: every read of it answers 404 (Issues API docs, delete an issue). */
  void delete(ObjectNode issue) {
    byId.remove(issue.path("id").asLong());
  }

  /**
   * Moving makes a new issue in the target project and closes the old one with {@code moved_to_id};
   * labels and milestone go along only where the target has one of the same name (Issues API
   * docs, "Move an issue"); title, description, assignees and due date go along.
   */
  ObjectNode move(ObjectNode issue, Project target) {
    List<String> kept = labelNames(issue).stream().filter(target.labels()::contains).toList();
    ObjectNode moved = create(target, issue.path("title").asText(), issue.path("description").asText(), kept);
    moved.set("assignees", issue.path("assignees").deepCopy());
    moved.set("assignee", issue.path("assignee").deepCopy());
    moved.set("due_date", issue.path("due_date").deepCopy());
    issue.put("state", "closed").put("closed_at", now()).put("moved_to_id", moved.path("id").asLong());
    touch(issue);
    return moved;
  }

  void labels(ObjectNode issue, Collection<String> names) {
    ArrayNode ls = issue.putArray("labels");
    // GitLab lists an issue's labels by title, ascending (Label default_scope order(title: :asc)).
    names.stream().distinct().sorted().forEach(ls::add);
    Project p = projects.get(issue.path("project_id").asText());
    if (p != null) {
      // A label given on create or edit that does not exist yet is made in the project (Issues API docs).
      p.labels().addAll(names);
    }
  }

  static List<String> labelNames(ObjectNode issue) {
    List<String> names = new ArrayList<>();
    issue.path("labels").forEach(l -> names.add(l.asText()));
    return names;
  }

  void addNote(ObjectNode issue, String body) {
    notes.get(issue.path("id").asLong()).add(body);
    issue.put("user_notes_count", notes.get(issue.path("id").asLong()).size());
    touch(issue);
  }

  List<String> notes(ObjectNode issue) {
    return List.copyOf(notes.getOrDefault(issue.path("id").asLong(), List.of()));
  }

  void touch(ObjectNode issue) {
    issue.put("updated_at", now());
  }

  String now() {
    Instant now = clock.instant();
    return now.toString();
  }
}
