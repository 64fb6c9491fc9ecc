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
  private final Map<String, Optional<Account>> accounts = new HashMap<>();
  // Only the configured map: the same ticket must read the same in every process, whatever
  // user searches this one happened to make.
  private final Map<String, String> configuredOwners = new HashMap<>();
  private int lookups;

  /** A Jira account: its id (Cloud accountId or Data Center user name) and e-mail when visible. */
  record Account(String id, String email) {}

  JiraUsers(JiraClient client, Map<String, String> configured) {
    this.client = client;
    this.configured = configured;
    // Owners sharing one account: it reads back as the first in alphabetical order, the same in
    // every process whatever the map's order, so a re-read never looks like a reassignment.
    configured.forEach((owner, account) -> configuredOwners.merge(account, owner, (a, b) -> a.compareTo(b) <= 0 ? a : b));
    configured.values().stream().distinct().filter(a -> java.util.Collections.frequency(configured.values(), a) > 1)
        .forEach(a -> LOG.warn("tracker.users maps several owners to the Jira account '{}'; a ticket assigned to it reads"
            + " back as '{}'", a, configuredOwners.get(a)));
  }

  /** The account id (Cloud) or user name (Data Center) for an owner, if one can be found. */
  synchronized Optional<String> accountOf(String owner) {
    return account(owner).map(Account::id);
  }

  /** How a ticket assigned to this owner's account reads back: the same as {@link #ownerOf}. */
  synchronized Optional<String> assigneeAs(String owner) {
    return account(owner).map(a -> configuredOwners.getOrDefault(a.id(), a.email() != null ? a.email() : a.id()));
  }

  private Optional<Account> account(String owner) {
    if (owner == null) {
      return Optional.empty();
    }
    String handle = owner.startsWith("@") ? owner.substring(1) : owner;
    String mapped = configured.get(handle);
    if (mapped == null) {
      mapped = configured.get(handle.toLowerCase(Locale.ROOT));
    }
    if (mapped != null) {
      return Optional.of(new Account(mapped, null));
    }
    return accounts.computeIfAbsent(handle, this::search);
  }

  private Optional<Account> search(String handle) {
    lookups++;
    boolean cloud = client.deployment() == JiraDeployment.CLOUD;
    JsonNode found = client.get("/user/search?" + (cloud ? "query=" : "username=") + JiraClient.query(handle), null);
    if (found.isArray() && found.size() == 1) {
      String account = cloud ? found.get(0).path("accountId").asText() : found.get(0).path("name").asText();
      String email = found.get(0).path("emailAddress").asText(null);
      return Optional.of(new Account(account, email == null || email.isBlank() ? null : email));
    }
    LOG.warn("owner '{}' matches {} Jira users; the ticket stays unassigned (map it under tracker.users)",
        handle, found.isArray() ? found.size() : 0);
    return Optional.empty();
  }

  /** The owner an assignee stands for: a configured owner, else the e-mail, else the account id. */
  synchronized String ownerOf(JsonNode assignee) {
    if (assignee == null || assignee.isNull()) {
      return null;
    }
    String account = client.deployment() == JiraDeployment.CLOUD ? assignee.path("accountId").asText(null)
        : assignee.path("name").asText(null);
    if (account != null && configuredOwners.containsKey(account)) {
      return configuredOwners.get(account);
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
