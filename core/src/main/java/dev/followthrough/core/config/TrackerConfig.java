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
 * @param parent an issue every new ticket goes under (Jira), or {@code null}
 * @param epics one epic per postmortem holds its tickets (Jira)
 * @param appId a GitHub App's id, with {@code privateKeyFile}, instead of a token (GitHub)
 * @param privateKeyFile the GitHub App's private key (PEM), or {@code null}
 * @param timeout the request timeout, or {@code null} for the adapter's default (30 s)
 * @param searchLag how long new tickets may be missing from searches, or {@code null} for the
 *     adapter's default
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
    ConflictRule conflicts,
    String parent,
    boolean epics,
    String appId,
    java.nio.file.Path privateKeyFile,
    java.time.Duration timeout,
    java.time.Duration searchLag) {

  public TrackerConfig {
    labels = labels == null ? List.of() : List.copyOf(labels);
    users = users == null ? Map.of() : Map.copyOf(users);
    priorities = priorities == null ? Map.of() : Map.copyOf(priorities);
    conflicts = conflicts == null ? ConflictRule.FIELD_OWNER : conflicts;
  }
}
