package dev.followthrough.gitlab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.followthrough.gitlab.SimulatedIssues.Project;
import java.util.ArrayList;
import java.util.List;

/**
 * What the simulator tells about the token and its account, for {@code doctor}: {@code GET /user}
 * (doc/api/users.md, "Get the current user": {@code is_admin} only in an administrator's own
 * answer), {@code GET /personal_access_tokens/self} (doc/api/personal_access_tokens.md, GitLab
 * 15.4 and later: the token's {@code scopes}), and {@code GET /projects/:id} with
 * {@code issues_enabled} and {@code permissions.project_access} / {@code group_access}, each
 * {@code {access_level, notification_level}} or null (doc/api/projects.md, "Get a single
 * project"; levels 10 Guest, 15 Planner, 20 Reporter, 30 Developer, 40 Maintainer, 50 Owner in
 * doc/api/access_requests.md).
 */
final class AccountRoutes {
  int projectAccess = 30;
  int groupAccess;
  boolean issuesEnabled = true;
  boolean tokenSelfKnown = true;
  List<String> scopes = new ArrayList<>(List.of("api"));

  private final SimulatedIssues issues;

  AccountRoutes(SimulatedIssues issues) {
    this.issues = issues;
  }

  /** The answer for a route this class serves, or null for the others. */
  ResponseDefinition route(String method, String path, boolean admin) {
    if (!method.equals("GET")) {
      return null;
    }
    String p = path.replaceFirst("^/api/v4/", "");
    if (p.equals("user")) {
      ObjectNode u = SimulatedIssues.JSON.createObjectNode().put("id", 7).put("username", "followthrough-bot")
          .put("name", "Followthrough bot").put("state", "active");
      if (admin) {
        u.put("is_admin", true);
      }
      return IssueRoutes.json(200, u);
    }
    if (p.equals("personal_access_tokens/self")) {
      if (!tokenSelfKnown) {
        return IssueRoutes.message(404, "404 Not Found");
      }
      ObjectNode t = SimulatedIssues.JSON.createObjectNode().put("id", 3).put("name", "followthrough").put("revoked", false)
          .put("active", true).put("user_id", 7);
      scopes.forEach(t.putArray("scopes")::add);
      return IssueRoutes.json(200, t);
    }
    String[] seg = p.split("/");
    if (seg.length == 2 && seg[0].equals("projects")) {
      Project project = issues.project(seg[1]);
      if (project == null) {
        return IssueRoutes.message(404, "404 Project Not Found");
      }
      ObjectNode body = SimulatedIssues.JSON.createObjectNode().put("id", project.id()).put("path_with_namespace", project.path())
          .put("issues_enabled", issuesEnabled);
      ObjectNode permissions = body.putObject("permissions");
      access(permissions, "project_access", projectAccess);
      access(permissions, "group_access", groupAccess);
      return IssueRoutes.json(200, body);
    }
    return null;
  }

  private static void access(ObjectNode permissions, String name, int level) {
    if (level == 0) {
      permissions.putNull(name);
    } else {
      permissions.putObject(name).put("access_level", level).put("notification_level", 3);
    }
  }
}
