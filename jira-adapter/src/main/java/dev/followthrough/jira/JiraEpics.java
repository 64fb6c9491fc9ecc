package dev.followthrough.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One epic per postmortem, found by its label {@code ft-epic-<postmortem>} and created when
 * missing, before the tickets that go under it: a prerequisite of a create, never a step after it.
 * The label search lags behind writes (Jira Cloud v3 OpenAPI, {@code /search/jql}: "recent updates
 * might not be immediately visible"), so before making one the epic is also looked for as the parent
 * of a ticket already made for the same postmortem, read by key, which does not lag.
 */
final class JiraEpics {
  private final JiraClient client;
  private final JiraSearch search;
  private final String project;
  private final String epicIssueType;
  private final Map<String, String> epics = new HashMap<>();

  JiraEpics(JiraClient client, JiraSearch search, String project, String epicIssueType) {
    this.client = client;
    this.search = search;
    this.project = project;
    this.epicIssueType = epicIssueType;
  }

  /** The epic of a postmortem, once {@link #ensure} has found or made it. */
  String of(String postmortemId) {
    return epics.get(postmortemId);
  }

  /** Finds, in one search, the epics of the batch's postmortems, and creates the missing ones. */
  void ensure(List<TicketDraft> batch) {
    Map<String, String> titles = new LinkedHashMap<>();
    batch.stream().filter(d -> d.postmortemId() != null && !epics.containsKey(d.postmortemId()))
        .forEach(d -> titles.putIfAbsent(d.postmortemId(), d.postmortemTitle()));
    if (titles.isEmpty()) {
      return;
    }
    List<String> labels = titles.keySet().stream().map(JiraEpics::label).toList();
    for (TicketSnapshot epic : search.search(search.labelsJql(labels), Set.of())) {
      for (String id : titles.keySet()) {
        if (epic.labels().contains(label(id))) {
          epics.putIfAbsent(id, epic.key());
        }
      }
    }
    for (String id : titles.keySet()) {
      if (!epics.containsKey(id)) {
        parentOfASibling(id, batch).ifPresent(epic -> epics.put(id, epic));
      }
    }
    List<String> missing = titles.keySet().stream().filter(id -> !epics.containsKey(id)).toList();
    if (missing.isEmpty()) {
      return;
    }
    ObjectNode body = JiraClient.object();
    ArrayNode updates = body.putArray("issueUpdates");
    for (String id : missing) {
      ObjectNode f = updates.addObject().putObject("fields");
      f.putObject("project").put("key", project);
      f.putObject("issuetype").put("name", epicIssueType);
      f.put("summary", "Postmortem: " + (titles.get(id) == null ? id : titles.get(id)));
      f.putArray("labels").add(label(id));
    }
    JsonNode answer = client.postBulk("/issue/bulk", body);
    var created = answer.path("issues").elements();
    Set<Integer> failed = new HashSet<>();
    answer.path("errors").forEach(e -> failed.add(e.path("failedElementNumber").asInt(-1)));
    for (int i = 0; i < missing.size(); i++) {
      if (!failed.contains(i) && created.hasNext()) {
        epics.put(missing.get(i), created.next().path("key").asText());
      }
    }
  }

  /** The epic above a ticket already made for this postmortem, when that parent carries the epic's label. */
  private Optional<String> parentOfASibling(String postmortemId, List<TicketDraft> batch) {
    Set<String> siblings = new LinkedHashSet<>();
    batch.stream().filter(d -> postmortemId.equals(d.postmortemId())).forEach(d -> siblings.addAll(d.siblingTickets()));
    for (String sibling : siblings) {
      Optional<String> parent = read(sibling, "parent").map(i -> i.path("fields").path("parent").path("key").asText(""))
          .filter(key -> !key.isEmpty());
      // A parent set by hand (another epic, a feature) is not this postmortem's epic.
      if (parent.flatMap(key -> read(key, "labels")).filter(epic -> carries(epic, label(postmortemId))).isPresent()) {
        return parent;
      }
    }
    return Optional.empty();
  }

  /** One issue by key with only the named field, or empty when Jira answers 404 (deleted, or not visible). */
  private Optional<JsonNode> read(String key, String field) {
    try {
      return Optional.of(client.get("/issue/" + key + "?fields=" + field, key));
    } catch (TrackerException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static boolean carries(JsonNode issue, String label) {
    for (JsonNode l : issue.path("fields").path("labels")) {
      if (l.asText().equals(label)) {
        return true;
      }
    }
    return false;
  }

  static String label(String postmortemId) {
    return "ft-epic-" + postmortemId;
  }
}
