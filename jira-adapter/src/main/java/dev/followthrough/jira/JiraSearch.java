package dev.followthrough.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * JQL reads: searches with paging (Cloud's {@code /search/jql} with {@code nextPageToken}, Data
 * Center's {@code /search} with {@code startAt}), and reads of linked issues by key that survive
 * deleted issues and a lagging index.
 */
final class JiraSearch {
  static final int PAGE = 100;
  /** Labels per JQL query (an item looks for its current and its former key), in a POST body. */
  static final int KEYS_PER_QUERY = 200;
  /** Jira's answer to {@code key in (…)} naming an issue that no longer exists. */
  private static final Pattern VANISHED = Pattern.compile("An issue with key '([^']+)' does not exist");

  private final JiraClient client;
  private final JiraFields fields;
  private final JiraUsers users;
  private final String project;

  JiraSearch(JiraClient client, JiraFields fields, JiraUsers users, String project) {
    this.client = client;
    this.fields = fields;
    this.users = users;
    this.project = project;
  }

  /** Issues of the project carrying any of these labels, in queries of {@value #KEYS_PER_QUERY}. */
  List<TicketSnapshot> byLabels(List<String> labels) {
    List<TicketSnapshot> found = new ArrayList<>();
    for (int from = 0; from < labels.size(); from += KEYS_PER_QUERY) {
      List<String> chunk = labels.subList(from, Math.min(labels.size(), from + KEYS_PER_QUERY));
      found.addAll(search(labelsJql(chunk), new LinkedHashSet<>(chunk)));
    }
    return found;
  }

  String labelsJql(List<String> labels) {
    return "project = " + quote(project) + " AND labels in (" + labels.stream().map(JiraSearch::quote)
        .collect(Collectors.joining(", ")) + ")";
  }

  /**
   * The issues with these keys. One query per chunk; an issue the query could not return is read
   * directly, so that only Jira's own 404 leaves a key out: a query refuses a key whose issue was
   * deleted (that key is dropped and the query sent once more), and the index may not yet list
   * an issue made moments ago.
   */
  List<TicketSnapshot> byKeys(List<String> keys) {
    Map<String, TicketSnapshot> found = new LinkedHashMap<>();
    for (int from = 0; from < keys.size(); from += PAGE) {
      List<String> chunk = new ArrayList<>(keys.subList(from, Math.min(keys.size(), from + PAGE)));
      for (TicketSnapshot t : searchSurvivingVanishedKeys(chunk)) {
        found.put(t.key(), t);
      }
      for (String key : chunk) {
        if (!found.containsKey(key)) {
          read(key).ifPresent(t -> found.put(key, t));
        }
      }
    }
    // A moved issue answers both for its old key and under its new one: list it once.
    return found.values().stream().distinct().toList();
  }

  private List<TicketSnapshot> searchSurvivingVanishedKeys(List<String> chunk) {
    List<String> remaining = new ArrayList<>(chunk);
    while (!remaining.isEmpty()) {
      try {
        return search("key in (" + remaining.stream().map(JiraSearch::quote).collect(Collectors.joining(", ")) + ")", null);
      } catch (TrackerException e) {
        if (e.kind() != Kind.INVALID) {
          throw e;
        }
        if (!remaining.removeAll(vanishedKeys(e))) {
          return List.of(); // a refusal we cannot read: every key of the chunk is read directly
        }
      }
    }
    return List.of();
  }

  private static Set<String> vanishedKeys(TrackerException e) {
    Set<String> keys = new LinkedHashSet<>();
    Matcher m = VANISHED.matcher(e.getMessage());
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  /** One issue, or empty when Jira answers 404 (deleted, or never visible to this account). */
  java.util.Optional<TicketSnapshot> read(String key) {
    try {
      JsonNode issue = client.get("/issue/" + key + "?fields=" + String.join(",", JiraFields.READ), key);
      return java.util.Optional.of(fields.snapshot(issue, users, null));
    } catch (TrackerException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return java.util.Optional.empty();
      }
      throw e;
    }
  }

  List<TicketSnapshot> search(String jql, Set<String> wanted) {
    List<TicketSnapshot> found = new ArrayList<>();
    ArrayNode fieldList = JiraClient.json().valueToTree(JiraFields.READ);
    if (client.deployment() == JiraDeployment.CLOUD) {
      String token = null;
      do {
        ObjectNode body = JiraClient.object().put("jql", jql).put("maxResults", PAGE);
        body.set("fields", fieldList);
        if (token != null) {
          body.put("nextPageToken", token);
        }
        JsonNode page = client.post("/search/jql", body, null);
        page.path("issues").forEach(i -> found.add(fields.snapshot(i, users, wanted)));
        token = page.path("isLast").asBoolean(false) ? null : page.path("nextPageToken").asText(null);
      } while (token != null);
    } else {
      int startAt = 0;
      while (true) {
        ObjectNode body = JiraClient.object().put("jql", jql).put("startAt", startAt).put("maxResults", PAGE);
        body.set("fields", fieldList);
        JsonNode page = client.post("/search", body, null);
        JsonNode issues = page.path("issues");
        issues.forEach(i -> found.add(fields.snapshot(i, users, wanted)));
        startAt += issues.size();
        if (issues.isEmpty() || startAt >= page.path("total").asInt(0)) {
          break;
        }
      }
    }
    return found;
  }

  /** JQL string literal. */
  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
