package dev.followthrough.jira;

import static dev.followthrough.jira.JiraIssueStore.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The simulated site's setup that the doctor reads, from the Jira Cloud v3 OpenAPI: {@code GET
 * /myself} (200, or 401), {@code GET /project/{key}} (the project with its {@code issueTypes}, or
 * 404), {@code GET /mypermissions?projectKey&permissions} ({@code permissions.KEY.havePermission}),
 * {@code GET /priority} (an array of priorities) and {@code GET /user?accountId|username} (404
 * when there is no such user).
 */
final class JiraSiteSetup {
  final Set<String> permissions =
      new LinkedHashSet<>(List.of("BROWSE_PROJECTS", "CREATE_ISSUES", "EDIT_ISSUES", "ASSIGN_ISSUES", "TRANSITION_ISSUES"));
  final List<String> issueTypes = new ArrayList<>(List.of("Task", "Epic", "Sub-task"));
  /**
   * The statuses of every issue type's workflow with their status category keys, as {@code GET
   * /project/{key}/statuses} lists them (Jira Cloud v3 OpenAPI, "Get all statuses for project").
   */
  final java.util.Map<String, String> statuses =
      new java.util.LinkedHashMap<>(java.util.Map.of("To Do", "new", "In Progress", "indeterminate", "Done", "done"));
  final List<String> priorities = new ArrayList<>(List.of("Highest", "High", "Medium", "Low", "Lowest"));

  /** The answer to a site read, or {@code null} when the path is not one of them. */
  ResponseDefinition answer(String path, String query, String project, boolean cloud, List<ObjectNode> users) {
    if (path.equals("/myself")) {
      return JiraSimulator.ok(200, JSON.createObjectNode().put(cloud ? "accountId" : "name", "bot").put("active", true));
    }
    if (path.startsWith("/project/") && path.endsWith("/statuses")) {
      String key = path.substring("/project/".length(), path.length() - "/statuses".length());
      if (!key.equals(project)) {
        return JiraSimulator.error(404, "No project could be found with key '" + key + "'.");
      }
      ArrayNode types = JSON.createArrayNode();
      for (String type : issueTypes) {
        ArrayNode list = types.addObject().put("name", type).put("subtask", type.equals("Sub-task")).putArray("statuses");
        statuses.forEach((name, category) -> list.addObject().put("name", name).putObject("statusCategory").put("key", category));
      }
      return JiraSimulator.ok(200, types);
    }
    if (path.startsWith("/project/")) {
      String key = path.substring("/project/".length());
      if (!key.equals(project)) {
        return JiraSimulator.error(404, "No project could be found with key '" + key + "'.");
      }
      ObjectNode p = JSON.createObjectNode().put("key", project).put("name", project);
      ArrayNode types = p.putArray("issueTypes");
      issueTypes.forEach(t -> types.addObject().put("name", t));
      return JiraSimulator.ok(200, p);
    }
    if (path.equals("/mypermissions")) {
      ObjectNode all = JSON.createObjectNode();
      ObjectNode held = all.putObject("permissions");
      for (String wanted : param(query, "permissions").split(",")) {
        held.putObject(wanted).put("key", wanted).put("havePermission", permissions.contains(wanted));
      }
      return JiraSimulator.ok(200, all);
    }
    if (path.equals("/priority")) {
      ArrayNode list = JSON.createArrayNode();
      priorities.forEach(name -> list.addObject().put("name", name));
      return JiraSimulator.ok(200, list);
    }
    if (path.equals("/user")) {
      String wanted = param(query, cloud ? "accountId" : "username");
      return users.stream().filter(u -> wanted.equals(u.path(cloud ? "accountId" : "name").asText())).findFirst()
          .map(u -> JiraSimulator.ok(200, u))
          .orElse(JiraSimulator.error(404, "The user with " + (cloud ? "accountId" : "username") + " '" + wanted + "' does not exist"));
    }
    return null;
  }

  private static String param(String query, String name) {
    for (String part : query.split("&")) {
      if (part.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(part.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return "";
  }
}
