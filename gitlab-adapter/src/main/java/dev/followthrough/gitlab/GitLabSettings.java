package dev.followthrough.gitlab;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.config.TrackerBasics;
import dev.followthrough.core.config.TrackerSettings;
import dev.followthrough.core.tracker.Tracker;
import java.net.URI;
import java.util.Set;

/**
 * The {@code tracker:} section for {@code type: gitlab}:
 *
 * <pre>{@code
 * tracker:
 *   type: gitlab
 *   url: https://gitlab.com          # default; self-managed: https://gitlab.example.com
 *   project: group/sub/project       # or the numeric project id
 *   token: ${GITLAB_TOKEN}
 *   wontDoLabel: won't do            # default; marks issues closed without doing them
 * }</pre>
 *
 * plus the keys every tracker has ({@link TrackerBasics}); {@code priorities} names the labels of
 * P1…P4 (default {@code priority::P1}…), {@code searchLag} how long a new issue may be missing
 * from the project's issue list.
 */
public record GitLabSettings(TrackerBasics basics, URI url, String project, Secret token, String wontDoLabel)
    implements TrackerSettings {
  static final Set<String> KEYS = TrackerBasics.keysWith("url", "project", "token", "wontDoLabel");

  /** Reads a section, recording every problem in it. */
  static GitLabSettings read(ConfigSection section) {
    section.allowOnly(KEYS);
    URI url = section.has("url") ? section.url("url", "https://gitlab.example.com") : GitLabTrackerBuilder.GITLAB_COM;
    String project = section.text("project");
    if (project == null) {
      section.problem("project", "must be given for GitLab (group/project, group/sub/project, or the numeric project id)");
    } else if (!project.matches("\\d+|[\\w.-]+(/[\\w.-]+)+")) {
      section.problem("project", "'" + project + "' must be a project path such as group/project, or a numeric id");
    }
    section.required("token");
    String wontDo = section.has("wontDoLabel") ? section.text("wontDoLabel") : "won't do";
    if (wontDo != null && (wontDo.isBlank() || wontDo.contains(",") || wontDo.length() > 255)) {
      // Label titles: present, no comma, at most 255 characters (GitLab app/models/concerns/base_label.rb).
      section.problem("wontDoLabel", "must be a label name of 1 to 255 characters without a comma");
    }
    TrackerBasics basics = TrackerBasics.read(section);
    basics.priorities().forEach((p, label) -> {
      if (label.isBlank() || label.contains(",") || label.length() > 255) {
        section.problem("priorities." + p, "must be a label name of 1 to 255 characters without a comma");
      }
    });
    return new GitLabSettings(basics, url, project, section.secret("token"), wontDo);
  }

  @Override
  public Tracker open() {
    GitLabTrackerBuilder builder = GitLabTracker.builder(project).users(basics.users()).priorities(basics.priorities())
        .token(token).url(url).wontDoLabel(wontDoLabel);
    if (basics.timeout() != null) {
      builder.requestTimeout(basics.timeout());
    }
    if (basics.searchLag() != null) {
      builder.listLag(basics.searchLag());
    }
    return builder.build();
  }
}
