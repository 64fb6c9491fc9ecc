package dev.followthrough.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The issues of the Jira simulator, and the search index that lags behind them.
 *
 * <p>Every write keeps a copy of the issue as it was then; a JQL search sees each issue as it was
 * one search lag ago, and not at all when it was created since. Source: the Jira Cloud v3 OpenAPI
 * description of {@code /rest/api/3/search/jql} ("Recent updates might not be immediately
 * visible"), TRACKER-APIS.md. A direct {@code GET /issue/{key}} is always current.
 */
final class JiraIssueStore {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter JIRA_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private record Version(Instant at, ObjectNode issue) {}

  private final Clock clock;
  private final Duration searchLag;
  private final Map<String, ObjectNode> issues = new LinkedHashMap<>();
  private final Map<String, List<Version>> history = new LinkedHashMap<>();
  private final Map<String, String> movedTo = new LinkedHashMap<>();
  private Instant pinned;
  private Duration clockSkew = Duration.ZERO;

  JiraIssueStore(Clock clock, Duration searchLag) {
    this.clock = clock;
    this.searchLag = searchLag;
  }

  ObjectNode get(String key) {
    return issues.get(current(key));
  }

  boolean exists(String key) {
    return issues.containsKey(current(key));
  }

  /**
   * The key an issue has now. A moved issue keeps its old keys: Jira answers a request for an old
   * key with the issue under its new key, and JQL {@code key in (…)} with an old key finds it
   * (Atlassian support, "Move an issue" and "Issue key history": previous keys stay valid).
   */
  String current(String key) {
    String k = key;
    while (movedTo.containsKey(k)) {
      k = movedTo.get(k);
    }
    return k;
  }

  /** Moves an issue to another project, as a person with Move permission would: it gets a new key. */
  void move(String key, String newKey) {
    ObjectNode issue = issues.remove(key);
    List<Version> versions = history.remove(key);
    issue.put("key", newKey);
    ((ObjectNode) issue.get("fields")).putObject("project").put("key", newKey.substring(0, newKey.indexOf('-')));
    issues.put(newKey, issue);
    history.put(newKey, versions);
    movedTo.put(key, newKey);
    written(newKey);
  }

  void put(String key, ObjectNode issue) {
    issues.put(key, issue);
    written(key);
  }

  void clockSkew(Duration skew) {
    this.clockSkew = skew;
  }

  /** The issue's {@code updated} field. */
  static Instant updated(JsonNode issue) {
    return java.time.OffsetDateTime.parse(issue.path("fields").path("updated").asText(),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
  }

  /** Records the issue's current state for the index; call after every change. */
  void written(String key) {
    ObjectNode issue = issues.get(key);
    // Jira's own clock stamps the change; the index (below) still lags by the test clock.
    ((ObjectNode) issue.get("fields")).put("updated", JIRA_TIME.format(now().plus(clockSkew)));
    history.computeIfAbsent(key, k -> new ArrayList<>()).add(new Version(now(), issue.deepCopy()));
  }

  /** Runs work that finished at {@code at} (work left running when its client gave up) with that time. */
  void finishedAt(Instant at, Runnable work) {
    pinned = at;
    try {
      work.run();
    } finally {
      pinned = null;
    }
  }

  private Instant now() {
    return pinned != null ? pinned : clock.instant();
  }

  /** Deleted issues answer 404 and leave every search (Jira REST docs, Delete issue / Get issue). */
  void delete(String key) {
    issues.remove(key);
    history.remove(key);
  }

  /** Each issue as the index holds it now; issues the index has not seen yet are left out. */
  List<ObjectNode> indexed() {
    Instant upTo = clock.instant().minus(searchLag);
    List<ObjectNode> seen = new ArrayList<>();
    for (List<Version> versions : history.values()) {
      ObjectNode latest = null;
      for (Version v : versions) {
        if (!v.at().isAfter(upTo)) {
          latest = v.issue();
        }
      }
      if (latest != null) {
        seen.add(latest);
      }
    }
    return seen;
  }

  List<ObjectNode> all() {
    return List.copyOf(issues.values());
  }

  static void status(ObjectNode fields, String category, String name, String resolution) {
    ObjectNode s = fields.putObject("status");
    s.put("name", name).putObject("statusCategory").put("key", category);
    if (resolution == null) {
      fields.putNull("resolution");
    } else {
      fields.putObject("resolution").put("name", resolution);
    }
  }

  static List<String> labels(JsonNode fields) {
    List<String> labels = new ArrayList<>();
    fields.path("labels").forEach(l -> labels.add(l.asText()));
    return labels;
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }
}
