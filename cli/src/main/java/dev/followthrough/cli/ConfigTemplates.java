package dev.followthrough.cli;

import java.util.Map;
import java.util.Optional;

/** The commented sections {@code init} writes; every credential is a {@code ${VAR}} reference. */
final class ConfigTemplates {
  private ConfigTemplates() {}

  /** What {@code init} writes when nobody says otherwise (a dialogue shows these as its defaults). */
  static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("jira.url", "https://example.atlassian.net"),
      Map.entry("jira.deployment", "cloud"), Map.entry("jira.project", "OPS"), Map.entry("jira.email", "JIRA_EMAIL"),
      Map.entry("jira.token", "JIRA_API_TOKEN"), Map.entry("github.repository", "acme/ops"),
      Map.entry("github.token", "GITHUB_TOKEN"), Map.entry("gitlab.url", "https://gitlab.com"),
      Map.entry("gitlab.project", "acme/ops"), Map.entry("gitlab.token", "GITLAB_TOKEN"),
      Map.entry("store", ".followthrough"), Map.entry("store.user", "followthrough"),
      Map.entry("store.password", "FOLLOWTHROUGH_DB_PASSWORD"));

  static String store(String dirOrUrl) {
    return store(dirOrUrl, Map.of());
  }

  /** The store section; {@code answers} may name the database user and the password's variable. */
  static String store(String dirOrUrl, Map<String, String> answers) {
    if (dirOrUrl.startsWith("jdbc:postgresql:")) {
      return """
          # Shared PostgreSQL store; the password comes from the environment.
          store:
            type: postgres
            url: %s
            user: %s
            password: ${%s}
          """.formatted(dirOrUrl, value(answers, "store.user"), value(answers, "store.password"));
    }
    return "# Where action items are kept: a directory of JSON files.\nstore: " + scalar(dirOrUrl) + "\n";
  }

  /** Deadlines and reminders, every key commented out: the defaults hold until one is set. */
  static String policyAndNotify() {
    return """

        # Due dates for items the postmortem gave none, in days after the incident.
        # policy:
        #   dueDays:
        #     P1: 14
        #     P2: 28
        #     P3: 56
        #     P4: 90
        #     SEV1: {P1: 7, P2: 14}           # by severity (SEV0-SEV5); its other priorities use P1-P4 above
        #   verifyDays: {P1: 30, P2: 30, P3: 60, P4: 90}   # when a done item's fix must be shown to work
        #   businessDays: true                # count Monday-Friday only, skipping the holidays below
        #   holidays: US                      # a country or region (US, DE-BY), or a file: holidays.ics
        #
        # Reminders: sync comments on a ticket once per entry of beforeDue before its item falls due,
        # and posts them to the webhook; report --notify comments on overdue tickets.
        # notify:
        #   beforeDue: [7d, 1d]
        #   comments: true
        #   webhook: ${SLACK_WEBHOOK_URL}
        """;
  }

  static Optional<String> tracker(String type) {
    return tracker(type, Map.of());
  }

  /** The tracker section for {@code type}, with the {@code answers} given (keys as in {@link #DEFAULTS}). */
  static Optional<String> tracker(String type, Map<String, String> answers) {
    return Optional.ofNullable(switch (type) {
      case "jira" -> jira(answers);
      case "github" -> "tracker:\n  type: github\n"
          + line("repository", value(answers, "github.repository"), "owner/name; the token needs push access to it")
          + "  # url: https://github.example.com/api/v3   # Enterprise only\n"
          + "  token: ${" + value(answers, "github.token") + "}\n"
          + "  labels: [postmortem]\n"
          + "  # users:                             # owner -> GitHub login, needed for e-mail owners\n"
          + "  #   erin@example.com: erin-v\n";
      case "gitlab" -> "tracker:\n  type: gitlab\n"
          + line("url", value(answers, "gitlab.url"), "or your instance")
          + line("project", value(answers, "gitlab.project"), "path or numeric id")
          + "  token: ${" + value(answers, "gitlab.token") + "}\n"
          + "  labels: [postmortem]\n"
          + "  # users:                             # owner -> GitLab username\n"
          + "  #   erin@example.com: erin-v\n";
      default -> null;
    });
  }

  private static String jira(Map<String, String> answers) {
    boolean dataCenter = "datacenter".equals(value(answers, "jira.deployment"));
    String email = "email: ${" + value(answers, "jira.email") + "}";
    return "tracker:\n  type: jira\n"
        + line("url", value(answers, "jira.url"), "your site; Data Center: https://jira.example.com")
        + line("deployment", dataCenter ? "datacenter" : "cloud", dataCenter ? "or cloud" : "or datacenter")
        + line("project", value(answers, "jira.project"), "the project key tickets go to")
        + "  issueType: Task\n"
        + (dataCenter ? "  # " + email + "   # Cloud only\n" : line("email", email.substring("email: ".length()), "Cloud only"))
        + line("token", "${" + value(answers, "jira.token") + "}",
            dataCenter ? "Data Center personal access token" : "Cloud API token, or Data Center personal access token")
        + "  labels: [postmortem]\n"
        + "  # users:                             # owner -> accountId (Cloud) or user name (Data Center)\n"
        + "  #   erin: 5b10ac8d82e05b22cc7d4ef5\n";
  }

  private static String value(Map<String, String> answers, String key) {
    return answers.getOrDefault(key, DEFAULTS.get(key));
  }

  /** {@code   key: value   # comment}, the comments lined up. */
  private static String line(String key, String value, String comment) {
    String text = "  " + key + ": " + value;
    return text + " ".repeat(Math.max(1, 39 - text.length())) + "# " + comment + "\n";
  }

  /** A plain YAML scalar when it reads as one, else single-quoted. */
  static String scalar(String text) {
    boolean plain = text.matches("[\\w./~-][\\w./~ -]*[\\w./~-]|[\\w./-]") && !text.matches("(?i)null|true|false|yes|no|~|[-+.\\d]+");
    return plain ? text : "'" + text.replace("'", "''") + "'";
  }
}
