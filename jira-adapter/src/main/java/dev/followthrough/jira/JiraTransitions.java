package dev.followthrough.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.tracker.TicketState;

/**
 * Moves issues by the meaning of a transition, never by a hard-coded id or name: the target
 * status category decides, and closing as won't do also sets a won't-do resolution where the
 * transition's screen has the resolution field (otherwise Jira would record the issue as Done,
 * and it would read back as done).
 */
final class JiraTransitions {
  private final JiraClient client;

  JiraTransitions(JiraClient client) {
    this.client = client;
  }

  /**
   * Sends the transition to {@code target}; answers false when no transition leads to its status
   * category from where the issue is (which is the case when it is there already).
   */
  boolean move(String ticketKey, TicketState target) {
    JsonNode available = client.get("/issue/" + ticketKey + "/transitions?expand=transitions.fields", ticketKey);
    String wantedCategory = category(target);
    JsonNode chosen = null;
    for (JsonNode t : available.path("transitions")) {
      if (!t.path("to").path("statusCategory").path("key").asText().equals(wantedCategory)) {
        continue;
      }
      boolean wontDoName = JiraFields.wontDo(t.path("name").asText("") + " " + t.path("to").path("name").asText(""));
      if (chosen == null || (target == TicketState.WONT_DO && wontDoName) || (target == TicketState.DONE
          && !wontDoName && JiraFields.wontDo(chosen.path("name").asText("")))) {
        chosen = t;
      }
    }
    if (chosen == null) {
      return false;
    }
    ObjectNode body = JiraClient.object();
    body.putObject("transition").put("id", chosen.path("id").asText());
    String resolution = resolutionFor(target, chosen);
    if (resolution != null) {
      body.putObject("fields").putObject("resolution").put("name", resolution);
    }
    client.post("/issue/" + ticketKey + "/transitions", body, ticketKey);
    return true;
  }

  static String category(TicketState target) {
    return switch (target) {
      case OPEN -> "new";
      case IN_PROGRESS -> "indeterminate";
      case DONE, WONT_DO -> "done";
    };
  }

  /**
   * The resolution to send: one of the screen's allowed values that means won't do (or done),
   * or {@code null} when the transition has no resolution field and the workflow sets it.
   */
  static String resolutionFor(TicketState target, JsonNode transition) {
    JsonNode field = transition.path("fields").path("resolution");
    if (field.isMissingNode() || !target.isClosed()) {
      return null;
    }
    String fallback = null;
    for (JsonNode value : field.path("allowedValues")) {
      String name = value.path("name").asText("");
      boolean wontDo = JiraFields.wontDo(name);
      if (target == TicketState.WONT_DO && wontDo && (fallback == null || name.toLowerCase().contains("won"))) {
        fallback = name;
      } else if (target == TicketState.DONE && !wontDo && fallback == null) {
        fallback = name;
      }
    }
    return fallback;
  }
}
