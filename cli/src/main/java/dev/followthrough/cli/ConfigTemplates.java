package dev.followthrough.cli;

import java.util.Optional;

/** The commented sections {@code init} writes; every credential is a {@code ${VAR}} reference. */
final class ConfigTemplates {
  private ConfigTemplates() {}

  static String store(String dirOrUrl) {
    if (dirOrUrl.startsWith("jdbc:postgresql:")) {
      return """
          # Shared PostgreSQL store; the password comes from the environment.
          store:
            type: postgres
            url: %s
            user: followthrough
            password: ${FOLLOWTHROUGH_DB_PASSWORD}
          """.formatted(dirOrUrl);
    }
    return "# Where action items are kept: a directory of JSON files.\nstore: " + dirOrUrl + "\n";
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
    return Optional.ofNullable(switch (type) {
      case "jira" -> """
          tracker:
            type: jira
            url: https://example.atlassian.net   # your site; Data Center: https://jira.example.com
            deployment: cloud                    # or datacenter
            project: OPS                         # the project key tickets go to
            issueType: Task
            email: ${JIRA_EMAIL}                 # Cloud only
            token: ${JIRA_API_TOKEN}             # Cloud API token, or Data Center personal access token
            labels: [postmortem]
            # users:                             # owner -> accountId (Cloud) or user name (Data Center)
            #   erin: 5b10ac8d82e05b22cc7d4ef5
          """;
      case "github" -> """
          tracker:
            type: github
            repository: acme/ops                 # owner/name; the token needs push access to it
            # url: https://github.example.com/api/v3   # Enterprise only
            token: ${GITHUB_TOKEN}
            labels: [postmortem]
            # users:                             # owner -> GitHub login, needed for e-mail owners
            #   erin@example.com: erin-v
          """;
      case "gitlab" -> """
          tracker:
            type: gitlab
            url: https://gitlab.com              # or your instance
            project: acme/ops                    # path or numeric id
            token: ${GITLAB_TOKEN}
            labels: [postmortem]
            # users:                             # owner -> GitLab username
            #   erin@example.com: erin-v
          """;
      default -> null;
    });
  }
}
