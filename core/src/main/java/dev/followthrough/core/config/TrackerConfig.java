package dev.followthrough.core.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The {@code tracker:} section of the configuration. Fields that do not apply to a tracker type
 * are {@code null}.
 *
 * @param type {@code jira} or {@code github}, or any type a provider on the class path adds
 * @param deployment {@code cloud} or {@code datacenter} (Jira only)
 * @param users owner (handle without {@code @}, or e-mail) to tracker account
 * @param priorities P1…P4 to the tracker's priority names, where the tracker has priorities
 */
public record TrackerConfig(
    String type,
    URI url,
    String deployment,
    String project,
    String issueType,
    String email,
    Secret token,
    String repository,
    List<String> labels,
    Map<String, String> users,
    Map<String, String> priorities,
    ConflictRule conflicts) {

  public TrackerConfig {
    labels = labels == null ? List.of() : List.copyOf(labels);
    users = users == null ? Map.of() : Map.copyOf(users);
    priorities = priorities == null ? Map.of() : Map.copyOf(priorities);
    conflicts = conflicts == null ? ConflictRule.FIELD_OWNER : conflicts;
  }
}
