package dev.followthrough.core.config;

import dev.followthrough.core.model.Priority;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys every {@code tracker:} section has, whatever its type. A provider reads them with
 * {@link #read} and adds its own keys to {@link #KEYS}.
 *
 * @param type the {@code tracker.type}
 * @param labels labels every ticket gets, besides the item's key
 * @param users owner (handle without {@code @}, or e-mail) to tracker account
 * @param priorities P1…P4 to the tracker's priority names, where the tracker has priorities
 * @param conflicts who wins when a field changed on both sides
 * @param timeout the request timeout, or {@code null} for the adapter's default
 * @param searchLag how long new tickets may be missing from searches, or {@code null} for the
 *     adapter's default
 * @param webhookSecret the secret the tracker signs its webhook deliveries with, or {@code null}
 *     when {@code followthrough serve} takes no webhooks
 */
public record TrackerBasics(
    String type,
    List<String> labels,
    Map<String, String> users,
    Map<Priority, String> priorities,
    ConflictRule conflicts,
    Duration timeout,
    Duration searchLag,
    Secret webhookSecret) {
  /** The common keys. */
  public static final Set<String> KEYS =
      Set.of("type", "labels", "users", "priorities", "conflicts", "timeout", "searchLag", "webhookSecret");

  private static final Pattern LABEL = Pattern.compile("[^\\s,]{1,255}");

  public TrackerBasics {
    labels = labels == null ? List.of() : List.copyOf(labels);
    users = users == null ? Map.of() : Map.copyOf(users);
    priorities = priorities == null ? Map.of() : Map.copyOf(priorities);
    conflicts = conflicts == null ? ConflictRule.FIELD_OWNER : conflicts;
  }

  /** The keys without a webhook secret. */
  public TrackerBasics(String type, List<String> labels, Map<String, String> users, Map<Priority, String> priorities,
      ConflictRule conflicts, Duration timeout, Duration searchLag) {
    this(type, labels, users, priorities, conflicts, timeout, searchLag, null);
  }

  /** Defaults for a type: no labels, users or priorities, field owners win. */
  public static TrackerBasics of(String type) {
    return new TrackerBasics(type, null, null, null, null, null, null);
  }

  /** Reads the common keys of a section, recording every problem in it. */
  public static TrackerBasics read(ConfigSection section) {
    List<String> labels = section.list("labels");
    labels.stream().filter(l -> !LABEL.matcher(l).matches())
        .forEach(l -> section.problem("labels", "'" + l + "' must have no spaces or commas"));
    Map<Priority, String> priorities = new EnumMap<>(Priority.class);
    section.map("priorities").forEach((key, name) -> Priority.parse(key).ifPresentOrElse(
        p -> priorities.put(p, name), () -> section.problem("priorities." + key, "not a priority (P1 to P4)")));
    ConflictRule conflicts = null;
    String rule = section.text("conflicts");
    if (rule != null) {
      try {
        conflicts = ConflictRule.valueOf(rule.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        section.problem("conflicts", "'" + rule + "' must be field_owner, store or tracker");
      }
    }
    return new TrackerBasics(section.text("type"), labels, section.map("users"), priorities, conflicts,
        section.duration("timeout", false), section.duration("searchLag", true), webhookSecret(section));
  }

  /** A secret short enough to guess is refused; the message never repeats it. */
  private static Secret webhookSecret(ConfigSection section) {
    Secret secret = section.secret("webhookSecret");
    if (secret != null && secret.reveal().length() < 16) {
      section.problem("webhookSecret", "must be at least 16 characters (a random string, such as from 'openssl rand -hex 32')");
    }
    return secret;
  }

  /** The common keys with a provider's own. */
  public static Set<String> keysWith(String... own) {
    Set<String> all = new java.util.HashSet<>(KEYS);
    all.addAll(List.of(own));
    return Set.copyOf(all);
  }
}
