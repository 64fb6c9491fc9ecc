package dev.followthrough.jira;

import static dev.followthrough.jira.JiraIssueStore.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A Jira workflow: which transitions an issue offers from its current status (none leads to the
 * status it is in), where each leads, and how the resolution is set. Source: Jira REST docs,
 * "Get transitions" and "Transition issue"; TRACKER-APIS.md, last table.
 */
enum JiraWorkflow {
  /**
   * To Do, In Progress, Done; the Done transition has a screen with the resolution field
   * (Done, Won't Do, Duplicate), so the resolution is whatever the request sets, and nothing when
   * it sets none: the issue then stays "Unresolved".
   */
  RESOLUTION_ON_SCREEN,
  /** A separate "Won't do" transition whose post-function sets the resolution; Finish sets Done. */
  WONT_DO_TRANSITION;

  private record Step(String id, String name, String status, String category, String resolution, boolean screen) {}

  private List<Step> steps() {
    return this == RESOLUTION_ON_SCREEN
        ? List.of(new Step("11", "To Do", "To Do", "new", null, false),
            new Step("21", "In Progress", "In Progress", "indeterminate", null, false),
            new Step("31", "Done", "Done", "done", null, true))
        : List.of(new Step("11", "Reopen", "To Do", "new", null, false),
            new Step("21", "Start work", "In Progress", "indeterminate", null, false),
            new Step("41", "Won't do", "Won't Do", "done", "Won't Do", false),
            new Step("31", "Finish", "Done", "done", "Done", false));
  }

  /** The transitions the issue offers now; with {@code fields}, each one's screen fields. */
  ObjectNode available(ObjectNode issue, boolean fields) {
    String current = issue.path("fields").path("status").path("name").asText();
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode list = answer.putArray("transitions");
    for (Step s : steps()) {
      if (s.status().equals(current)) {
        continue;
      }
      ObjectNode t = list.addObject().put("id", s.id()).put("name", s.name());
      t.putObject("to").put("name", s.status()).putObject("statusCategory").put("key", s.category());
      if (fields) {
        ObjectNode f = t.putObject("fields");
        if (s.screen()) {
          ArrayNode allowed = f.putObject("resolution").put("required", false).putArray("allowedValues");
          List.of("Done", "Won't Do", "Duplicate").forEach(r -> allowed.addObject().put("name", r));
        }
      }
    }
    return answer;
  }

  /** Carries out a transition request; answers the problem, or {@code null} when done. */
  String apply(ObjectNode issue, JsonNode request) {
    String id = request.path("transition").path("id").asText();
    String current = issue.path("fields").path("status").path("name").asText();
    for (Step s : steps()) {
      if (s.id().equals(id) && !s.status().equals(current)) {
        JsonNode given = request.path("fields").path("resolution").path("name");
        if (!given.isMissingNode() && !s.screen()) {
          return "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown.";
        }
        String resolution = s.screen() ? given.asText(null) : s.resolution();
        JiraIssueStore.status((ObjectNode) issue.get("fields"), s.category(), s.status(), resolution);
        return null;
      }
    }
    return "Transition id '" + id + "' is not valid for this issue.";
  }
}
