package dev.followthrough.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.tracker.Check;
import dev.followthrough.core.tracker.TrackerException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The doctor's checks of a Jira setup, each one GET request (Jira Cloud v3 OpenAPI: {@code /myself},
 * {@code /project/{key}} with its {@code issueTypes}, {@code /mypermissions}, {@code /priority},
 * {@code /user}); nothing is written to Jira.
 */
final class JiraDoctor {
  static final Duration MAX_SKEW = Duration.ofMinutes(1);
  private static final String PERMISSIONS = "CREATE_ISSUES,EDIT_ISSUES,ASSIGN_ISSUES,TRANSITION_ISSUES";
  private final JiraSettings settings;
  private final JiraClient client;
  private final Clock clock;
  private final List<Check> checks = new ArrayList<>();

  JiraDoctor(JiraSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    Duration timeout = settings.basics().timeout() == null ? Duration.ofSeconds(30) : settings.basics().timeout();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.client = new JiraClient(settings.url(), settings.dataCenter() ? JiraDeployment.DATA_CENTER : JiraDeployment.CLOUD,
        settings.email(), settings.token(), http, timeout, clock);
  }

  List<Check> run() {
    HttpResponse<String> me;
    try {
      me = client.getAnswer("/myself");
    } catch (TrackerException e) {
      checks.add(Check.problem("reachable", e.getMessage(), "check tracker.url and this machine's network or proxy"));
      return checks;
    }
    checks.add(Check.ok("reachable", settings.url().getHost() + " answered"));
    clockSkew(me);
    if (me.statusCode() != 200) {
      checks.add(Check.problem("credentials", "Jira answered " + me.statusCode() + " to /myself", settings.dataCenter()
          ? "create a new personal access token and put it in the variable tracker.token names"
          : "check tracker.email and the API token (id.atlassian.com, API tokens); a scoped token needs the api.atlassian.com URL"));
      return checks;
    }
    checks.add(Check.ok("credentials", "accepted"));
    if (project()) {
      permissions();
      workflow();
    }
    priorities();
    users();
    return checks;
  }

  private void clockSkew(HttpResponse<String> answer) {
    var date = answer.headers().firstValue("Date");
    if (date.isEmpty()) {
      checks.add(Check.skipped("clock", "Jira sent no Date header"));
      return;
    }
    Duration skew = Duration.between(ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
        clock.instant()).abs();
    checks.add(skew.compareTo(MAX_SKEW) <= 0 ? Check.ok("clock", "within " + MAX_SKEW.toSeconds() + " s of Jira's")
        : Check.problem("clock", "this machine's clock is " + skew.toSeconds() + " s off Jira's",
            "synchronise the clock (NTP): the time a lost create is looked for again depends on it"));
  }

  private boolean project() {
    HttpResponse<String> answer = client.getAnswer("/project/" + JiraClient.query(settings.project()));
    if (answer.statusCode() != 200) {
      checks.add(Check.problem("project", "project " + settings.project() + " not found or not visible (" + answer.statusCode() + ")",
          "check tracker.project and that the account has Browse projects in it"));
      return false;
    }
    checks.add(Check.ok("project", settings.project() + " found"));
    String wanted = settings.issueType() == null ? "Task" : settings.issueType();
    TreeSet<String> types = new TreeSet<>();
    JiraClient.tree(answer).path("issueTypes").forEach(t -> types.add(t.path("name").asText()));
    checks.add(types.contains(wanted) ? Check.ok("issue type", wanted + " exists in " + settings.project())
        : Check.problem("issue type", wanted + " is not an issue type of " + settings.project() + " (it has " + String.join(", ", types) + ")",
            "set tracker.issueType to one of those"));
    return true;
  }

  private void permissions() {
    JsonNode held = JiraClient.tree(client.getAnswer("/mypermissions?projectKey=" + JiraClient.query(settings.project())
        + "&permissions=" + PERMISSIONS)).path("permissions");
    List<String> missing = new ArrayList<>();
    for (String permission : PERMISSIONS.split(",")) {
      if (!held.path(permission).path("havePermission").asBoolean(false)) {
        missing.add(permission);
      }
    }
    checks.add(missing.isEmpty() ? Check.ok("permissions", "can create, edit, assign and transition issues")
        : Check.problem("permissions", "the account lacks " + String.join(", ", missing) + " in " + settings.project(),
            "ask a Jira admin to grant them to the account in the project's permission scheme"));
  }

  /**
   * Done and back, read-only: {@code GET /project/{key}/statuses} (Jira Cloud v3 OpenAPI, "Get all
   * statuses for project": statuses grouped by issue type, each with its {@code statusCategory})
   * shows whether the issue type's workflow has a status in the done category to close to and one
   * outside it to reopen to. Which transitions join them Jira tells only for an issue, and proving
   * a transition would need a write, so the detail says what was not proven.
   */
  private void workflow() {
    String wanted = settings.issueType() == null ? "Task" : settings.issueType();
    HttpResponse<String> answer = client.getAnswer("/project/" + JiraClient.query(settings.project()) + "/statuses");
    JsonNode type = null;
    for (JsonNode t : JiraClient.tree(answer)) {
      if (t.path("name").asText().equals(wanted)) {
        type = t;
      }
    }
    if (answer.statusCode() != 200 || type == null) {
      checks.add(Check.skipped("workflow", "the statuses of " + wanted + " in " + settings.project() + " could not be read ("
          + answer.statusCode() + ")"));
      return;
    }
    TreeSet<String> done = new TreeSet<>();
    TreeSet<String> open = new TreeSet<>();
    type.path("statuses").forEach(st -> (st.path("statusCategory").path("key").asText().equals("done") ? done : open)
        .add(st.path("name").asText()));
    if (done.isEmpty() || open.isEmpty()) {
      checks.add(Check.problem("workflow", wanted + " in " + settings.project() + " has no status " + (done.isEmpty()
              ? "in the Done category, so sync cannot close tickets" : "outside the Done category, so sync cannot reopen tickets"),
          "add one to the workflow of " + wanted + " in " + settings.project() + " (Project settings, Workflows)"));
      return;
    }
    checks.add(Check.ok("workflow", wanted + " can be done (" + String.join(", ", done) + ") and open (" + String.join(", ", open)
        + "); the transitions between them are not proven without changing an issue: sync names an item whose ticket has none"));
  }

  private void priorities() {
    Map<Priority, String> wanted = settings.basics().priorities().isEmpty() ? JiraFields.DEFAULT_PRIORITIES : settings.basics().priorities();
    TreeSet<String> names = new TreeSet<>();
    JiraClient.tree(client.getAnswer("/priority")).forEach(p -> names.add(p.path("name").asText()));
    List<String> missing = wanted.values().stream().filter(n -> !names.contains(n)).sorted().toList();
    checks.add(missing.isEmpty() ? Check.ok("priorities", String.join(", ", new TreeSet<>(wanted.values())) + " exist")
        : Check.problem("priorities", String.join(", ", missing) + " not in the priority scheme (" + String.join(", ", names) + ")",
            "set tracker.priorities, e.g. {P1: " + (names.isEmpty() ? "High" : names.first()) + "}"));
  }

  private void users() {
    String param = settings.dataCenter() ? "username=" : "accountId=";
    settings.basics().users().forEach((owner, account) -> {
      int status = client.getAnswer("/user?" + param + JiraClient.query(account)).statusCode();
      checks.add(status == 200 ? Check.ok("user " + owner, account + " exists")
          : Check.problem("user " + owner, account + " not found (" + status + ")",
              "correct tracker.users." + owner + (settings.dataCenter() ? " (a user name)" : " (an account id)")));
    });
  }
}
