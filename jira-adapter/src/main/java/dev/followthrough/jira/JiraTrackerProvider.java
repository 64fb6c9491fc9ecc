package dev.followthrough.jira;

import dev.followthrough.core.config.TrackerConfig;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerProvider;
import java.util.EnumMap;
import java.util.Map;

/** Serves {@code tracker.type: jira} for the command line. */
public final class JiraTrackerProvider implements TrackerProvider {
  @Override
  public String type() {
    return "jira";
  }

  @Override
  public Tracker create(TrackerConfig config) {
    JiraTrackerBuilder builder = "datacenter".equals(config.deployment())
        ? JiraTracker.dataCenter(config.url(), config.token())
        : JiraTracker.cloud(config.url(), config.email(), config.token());
    Map<Priority, String> priorities = new EnumMap<>(Priority.class);
    config.priorities().forEach((p, name) -> Priority.parse(p).ifPresent(priority -> priorities.put(priority, name)));
    builder.project(config.project()).users(config.users()).priorities(priorities);
    if (config.issueType() != null) {
      builder.issueType(config.issueType());
    }
    if (config.parent() != null) {
      builder.parent(config.parent());
    }
    if (config.timeout() != null) {
      builder.requestTimeout(config.timeout());
    }
    if (config.searchLag() != null) {
      builder.searchLag(config.searchLag());
    }
    if (config.epics()) {
      builder.epicPerPostmortem("Epic");
    }
    return builder.build();
  }
}
