package dev.followthrough.jira;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.config.TrackerBasics;
import dev.followthrough.core.config.TrackerSettings;
import dev.followthrough.core.tracker.Tracker;
import java.net.URI;
import java.util.Set;

/**
 * The {@code tracker:} section for {@code type: jira}:
 *
 * <pre>{@code
 * tracker:
 *   type: jira
 *   url: https://example.atlassian.net
 *   deployment: cloud          # cloud (default) | datacenter
 *   project: OPS
 *   issueType: Task            # default Task
 *   email: ${JIRA_EMAIL}       # cloud only
 *   token: ${JIRA_API_TOKEN}   # cloud API token, or a datacenter personal access token
 *   parent: OPS-1              # optional: every ticket goes under this issue
 *   epics: false               # optional: one epic per postmortem instead of a parent
 * }</pre>
 *
 * plus the keys every tracker has ({@link TrackerBasics}).
 */
public record JiraSettings(TrackerBasics basics, URI url, boolean dataCenter, String project, String issueType,
    String email, Secret token, String parent, boolean epics) implements TrackerSettings {
  static final Set<String> KEYS =
      TrackerBasics.keysWith("url", "deployment", "project", "issueType", "email", "token", "parent", "epics");

  /** Reads a section, recording every problem in it. */
  static JiraSettings read(ConfigSection section) {
    section.allowOnly(KEYS);
    URI url = section.url("url", "https://example.atlassian.net");
    if (!section.has("url")) {
      section.problem("url", "must be given for Jira (e.g. https://example.atlassian.net)");
    }
    boolean dataCenter = "datacenter".equals(section.choice("deployment", Set.of("cloud", "datacenter"), "cloud"));
    String email = dataCenter ? section.text("email") : section.required("email");
    String project = section.required("project");
    section.required("token");
    boolean epics = section.flag("epics", false);
    if (section.has("parent") && epics) {
      section.problem("parent", "give either parent or epics, not both");
    }
    return new JiraSettings(TrackerBasics.read(section), url, dataCenter, project, section.text("issueType"), email,
        section.secret("token"), section.text("parent"), epics);
  }

  @Override
  public Tracker open() {
    JiraTrackerBuilder builder = dataCenter ? JiraTracker.dataCenter(url, token) : JiraTracker.cloud(url, email, token);
    builder.project(project).users(basics.users()).priorities(basics.priorities());
    if (issueType != null) {
      builder.issueType(issueType);
    }
    if (parent != null) {
      builder.parent(parent);
    }
    if (basics.timeout() != null) {
      builder.requestTimeout(basics.timeout());
    }
    if (basics.searchLag() != null) {
      builder.searchLag(basics.searchLag());
    }
    if (epics) {
      builder.epicPerPostmortem("Epic");
    }
    return builder.build();
  }
}
