package dev.followthrough.core.config;

import static dev.followthrough.core.config.ConfigLoader.stringMap;
import static dev.followthrough.core.config.ConfigLoader.text;
import static dev.followthrough.core.config.ConfigLoader.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.model.Priority;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code tracker:} section of the configuration: its keys, their checks, all problems at once. */
final class TrackerSection {
  private static final Set<String> KEYS = Set.of("type", "url", "deployment", "project", "issueType", "email",
      "token", "repository", "labels", "users", "priorities", "conflicts", "parent", "epics", "appId", "privateKeyFile",
      "timeout", "searchLag");
  private static final Pattern LABEL = Pattern.compile("[^\\s,]{1,255}");

  private TrackerSection() {}

  static TrackerConfig read(JsonNode node, List<String> problems) {
    if (!node.isObject()) {
      problems.add("tracker: expected a mapping");
      return null;
    }
    unknownKeys(node, KEYS, "tracker.", problems);
    String type = text(node, "type");
    if (type == null) {
      problems.add("tracker.type: must be given (jira or github)");
    }
    String deployment = text(node, "deployment");
    URI url = url(text(node, "url"), problems);
    boolean jira = "jira".equals(type);
    boolean github = "github".equals(type);
    if (jira) {
      if (url == null && text(node, "url") == null) {
        problems.add("tracker.url: must be given for Jira (e.g. https://example.atlassian.net)");
      }
      if (deployment == null) {
        deployment = "cloud";
      } else if (!Set.of("cloud", "datacenter").contains(deployment)) {
        problems.add("tracker.deployment: '" + deployment + "' must be cloud or datacenter");
      }
      require(node, "project", problems);
      if ("cloud".equals(deployment)) {
        require(node, "email", problems);
      }
      require(node, "token", problems);
      if (text(node, "parent") != null && node.path("epics").asBoolean(false)) {
        problems.add("tracker.parent: give either parent or epics, not both");
      }
    } else if (github) {
      if (url == null && text(node, "url") == null) {
        url = URI.create("https://api.github.com");
      }
      String repository = text(node, "repository");
      if (repository == null) {
        problems.add("tracker.repository: must be given for GitHub (owner/name)");
      } else if (!repository.matches("[\\w.-]+/[\\w.-]+")) {
        problems.add("tracker.repository: '" + repository + "' must look like owner/name");
      }
      boolean app = text(node, "appId") != null || text(node, "privateKeyFile") != null;
      if (app && (text(node, "appId") == null || text(node, "privateKeyFile") == null)) {
        problems.add("tracker.appId: a GitHub App needs both appId and privateKeyFile");
      } else if (!app) {
        require(node, "token", problems);
      }
    }
    List<String> labels = new ArrayList<>();
    JsonNode labelNode = node.get("labels");
    if (labelNode != null && !labelNode.isNull()) {
      if (!labelNode.isArray()) {
        problems.add("tracker.labels: expected a list");
      } else {
        for (JsonNode l : labelNode) {
          if (!LABEL.matcher(l.asText()).matches()) {
            problems.add("tracker.labels: '" + l.asText() + "' must have no spaces or commas");
          }
          labels.add(l.asText());
        }
      }
    }
    Map<String, String> users = stringMap(node.get("users"), "tracker.users", problems);
    Map<String, String> priorities = stringMap(node.get("priorities"), "tracker.priorities", problems);
    priorities.keySet().stream().filter(k -> Priority.parse(k).isEmpty())
        .forEach(k -> problems.add("tracker.priorities." + k + ": not a priority (P1 to P4)"));
    ConflictRule conflicts = null;
    String rule = text(node, "conflicts");
    if (rule != null) {
      try {
        conflicts = ConflictRule.valueOf(rule.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        problems.add("tracker.conflicts: '" + rule + "' must be field_owner, store or tracker");
      }
    }
    String token = text(node, "token");
    JsonNode epics = node.get("epics");
    if (epics != null && !epics.isNull() && !epics.isBoolean()) {
      problems.add("tracker.epics: must be true or false");
    }
    return new TrackerConfig(type, url, jira ? deployment : null, text(node, "project"), text(node, "issueType"),
        text(node, "email"), token == null ? null : Secret.of(token), text(node, "repository"), labels, users,
        priorities, conflicts, text(node, "parent"), epics != null && epics.asBoolean(false), text(node, "appId"),
        text(node, "privateKeyFile") == null ? null : java.nio.file.Path.of(text(node, "privateKeyFile")),
        duration(node, "timeout", false, problems), duration(node, "searchLag", true, problems));
  }

  private static java.time.Duration duration(JsonNode node, String key, boolean zeroAllowed, List<String> problems) {
    String text = text(node, key);
    if (text == null) {
      return null;
    }
    java.time.Duration d = Durations.parse(text).orElse(null);
    if (d == null || d.isNegative() || (d.isZero() && !zeroAllowed)) {
      problems.add("tracker." + key + ": '" + text + "' is not a " + (zeroAllowed ? "" : "positive ") + "duration such as 30s");
      return null;
    }
    return d;
  }

  /** Only https, except plain http to this machine, which local tests and proxies use. */
  private static URI url(String text, List<String> problems) {
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        problems.add("tracker.url: '" + text + "' must be an https URL such as https://example.atlassian.net");
        return null;
      }
      if (scheme.equals("http") && !isLoopback(uri.getHost())) {
        problems.add("tracker.url: plain http is only allowed for localhost or 127.0.0.1; use https");
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      problems.add("tracker.url: '" + text + "' is not a URL");
      return null;
    }
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false;
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  private static void require(JsonNode node, String key, List<String> problems) {
    if (text(node, key) == null) {
      problems.add("tracker." + key + ": must be given");
    }
  }
}
