package dev.followthrough.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owners to Jira accounts and back: the configured {@code users:} map first, then one user search
 * per owner (cached for the tracker's lifetime, misses too). An owner that cannot be mapped leaves
 * the ticket unassigned, with a warning once.
 */
final class JiraUsers {
  private static final Logger LOG = LoggerFactory.getLogger(JiraUsers.class);

  private final JiraClient client;
  private final Map<String, String> configured;
  private final Map<String, Optional<String>> accounts = new HashMap<>();
  private final Map<String, String> owners = new HashMap<>();
  private int lookups;

  JiraUsers(JiraClient client, Map<String, String> configured) {
    this.client = client;
    this.configured = configured;
    configured.forEach((owner, account) -> owners.put(account, owner));
  }

  /** The account id (Cloud) or user name (Data Center) for an owner, if one can be found. */
  synchronized Optional<String> accountOf(String owner) {
    if (owner == null) {
      return Optional.empty();
    }
    String handle = owner.startsWith("@") ? owner.substring(1) : owner;
    String mapped = configured.get(handle);
    if (mapped == null) {
      mapped = configured.get(handle.toLowerCase(Locale.ROOT));
    }
    if (mapped != null) {
      return Optional.of(mapped);
    }
    return accounts.computeIfAbsent(handle, this::search);
  }

  private Optional<String> search(String handle) {
    lookups++;
    boolean cloud = client.deployment() == JiraDeployment.CLOUD;
    JsonNode found = client.get("/user/search?" + (cloud ? "query=" : "username=") + JiraClient.query(handle), null);
    if (found.isArray() && found.size() == 1) {
      String account = cloud ? found.get(0).path("accountId").asText() : found.get(0).path("name").asText();
      owners.put(account, handle);
      return Optional.of(account);
    }
    LOG.warn("owner '{}' matches {} Jira users; the ticket stays unassigned (map it under tracker.users)",
        handle, found.isArray() ? found.size() : 0);
    return Optional.empty();
  }

  /** The owner an assignee stands for: a known owner, else the e-mail, name or account id. */
  synchronized String ownerOf(JsonNode assignee) {
    if (assignee == null || assignee.isNull()) {
      return null;
    }
    String account = client.deployment() == JiraDeployment.CLOUD ? assignee.path("accountId").asText(null)
        : assignee.path("name").asText(null);
    if (account != null && owners.containsKey(account)) {
      return owners.get(account);
    }
    String email = assignee.path("emailAddress").asText(null);
    if (email != null && !email.isBlank()) {
      return email;
    }
    return account != null ? account : assignee.path("displayName").asText(null);
  }

  /** Requests sent to find users, for tests of request economy. */
  synchronized int lookups() {
    return lookups;
  }

  /** JSON for the assignee field. */
  static JsonNode assigneeNode(JiraDeployment deployment, String account) {
    return JiraClient.object().put(deployment == JiraDeployment.CLOUD ? "accountId" : "name", account);
  }
}
