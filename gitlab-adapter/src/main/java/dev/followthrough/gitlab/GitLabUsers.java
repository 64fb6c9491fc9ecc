package dev.followthrough.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.gitlab4j.api.GitLabApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owners to GitLab accounts: the {@code users:} map first, then a user search, by username for a
 * handle ({@code GET /users?username=}) and among public e-mail addresses for an e-mail
 * ({@code GET /users?search=}; Users API docs). Answers are kept for the tracker's life, so a run
 * asks once per owner.
 */
final class GitLabUsers {
  private static final Logger LOG = LoggerFactory.getLogger(GitLabUsers.class);

  private final Map<String, String> users;
  private final Map<String, String> ownersByUsername = new HashMap<>();
  private final Map<String, Optional<Long>> ids = new HashMap<>();

  GitLabUsers(Map<String, String> users) {
    this.users = users;
    // Several owners may share one account: it reads back as the first of them alphabetically,
    // whatever the map's order, so a re-read never looks like a reassignment.
    Map<String, SortedSet<String>> byUsername = new HashMap<>();
    users.forEach((owner, username) -> byUsername.computeIfAbsent(username.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(owner));
    byUsername.forEach((username, owners) -> ownersByUsername.put(username, owners.first()));
  }

  /** The owner an assignee stands for: the users map read backwards, else the username itself. */
  String owner(String username) {
    return ownersByUsername.getOrDefault(username.toLowerCase(Locale.ROOT), username);
  }

  /** The account id for an owner, or empty (with a warning) when none can be found. */
  Optional<Long> id(String owner, IssueRequests requests) throws GitLabApiException {
    if (owner == null) {
      return Optional.empty();
    }
    String handle = owner.startsWith("@") ? owner.substring(1) : owner;
    Optional<Long> known = ids.get(handle);
    if (known != null) {
      return known;
    }
    String mapped = users.get(handle);
    Optional<Long> found;
    if (mapped != null || !handle.contains("@")) {
      found = first(requests.list(Map.of("username", mapped != null ? mapped : handle), "users"), null);
    } else {
      found = first(requests.list(Map.of("search", handle), "users"), handle);
    }
    if (found.isEmpty()) {
      LOG.warn("owner '{}' matches no GitLab account{}; the issue stays unassigned", handle,
          handle.contains("@") ? " with that public e-mail (add it under tracker.users)" : "");
    }
    ids.put(handle, found);
    return found;
  }

  /** The only account the answer names, or the one whose public e-mail is exactly the owner's. */
  private static Optional<Long> first(java.util.List<JsonNode> answer, String email) {
    for (JsonNode user : answer) {
      if (email == null || email.equalsIgnoreCase(user.path("public_email").asText(""))) {
        return Optional.of(user.path("id").asLong());
      }
    }
    return Optional.empty();
  }
}
