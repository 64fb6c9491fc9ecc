package dev.followthrough.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.followthrough.core.ValidationException;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.policy.DueDatePolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code followthrough.yaml}: {@code ${NAME}} is replaced by the environment variable NAME
 * (secrets belong there, never in the file or in arguments), unknown keys are errors, and every
 * problem is reported at once.
 */
public final class ConfigLoader {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Set<String> TOP = Set.of("store", "tracker", "policy", "notify");
  private static final Set<String> NOTIFY = Set.of("webhook", "comments", "commentEvery");
  private static final Set<String> TRACKER = Set.of("type", "url", "deployment", "project", "issueType", "email",
      "token", "repository", "labels", "users", "priorities", "conflicts", "parent", "epics", "appId", "privateKeyFile", "timeout", "searchLag");
  private static final Set<String> POLICY = Set.of("dueDays", "defaultPriority");
  private static final Pattern LABEL = Pattern.compile("[^\\s,]{1,255}");

  private final Function<String, String> environment;

  /** @param environment looks up environment variables ({@code System::getenv} in the CLI) */
  public ConfigLoader(Function<String, String> environment) {
    this.environment = environment;
  }

  public FollowthroughConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), List.of("file not found"));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), List.of("cannot be read: " + e.getMessage()));
    }
    return parse(text, file.toString());
  }

  public FollowthroughConfig parse(String yaml, String name) {
    List<String> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(name, List.of((line > 0 ? "line " + line + ": " : "") + "not valid YAML: "
          + e.getOriginalMessage().split("\n")[0]));
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      root = new ObjectMapper().createObjectNode();
    }
    if (!root.isObject()) {
      throw new ConfigException(name, List.of("expected a mapping of keys (store, tracker, policy)"));
    }
    root = substitute(root, problems);
    unknownKeys(root, TOP, "", problems);
    Path store = root.hasNonNull("store") ? Path.of(root.get("store").asText()) : null;
    TrackerConfig tracker = root.hasNonNull("tracker") ? tracker(root.get("tracker"), problems) : null;
    DueDatePolicy policy = root.hasNonNull("policy") ? policy(root.get("policy"), problems) : null;
    NotifyConfig notify = root.hasNonNull("notify") ? notify(root.get("notify"), problems) : null;
    if (!problems.isEmpty()) {
      throw new ConfigException(name, problems);
    }
    return new FollowthroughConfig(store, tracker, policy, notify);
  }

  /** Replaces {@code ${NAME}} in every string value, after parsing, so values need no quoting. */
  private JsonNode substitute(JsonNode node, List<String> problems) {
    if (node.isTextual()) {
      Matcher m = VARIABLE.matcher(node.asText());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = environment.apply(m.group(1));
        if (value == null) {
          problems.add("environment variable " + m.group(1) + " is not set");
          value = "";
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(out.toString());
    }
    if (node.isObject()) {
      var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) node).objectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), substitute(e.getValue(), problems)));
      return copy;
    }
    if (node.isArray()) {
      var copy = ((com.fasterxml.jackson.databind.node.ArrayNode) node).arrayNode();
      node.forEach(e -> copy.add(substitute(e, problems)));
      return copy;
    }
    return node;
  }

  private TrackerConfig tracker(JsonNode node, List<String> problems) {
    if (!node.isObject()) {
      problems.add("tracker: expected a mapping");
      return null;
    }
    unknownKeys(node, TRACKER, "tracker.", problems);
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

  private DueDatePolicy policy(JsonNode node, List<String> problems) {
    if (!node.isObject()) {
      problems.add("policy: expected a mapping");
      return null;
    }
    unknownKeys(node, POLICY, "policy.", problems);
    DueDatePolicy standard = DueDatePolicy.standard();
    Map<Priority, Integer> days = new EnumMap<>(standard.dueDays());
    JsonNode dueDays = node.get("dueDays");
    if (dueDays != null && !dueDays.isNull()) {
      if (!dueDays.isObject()) {
        problems.add("policy.dueDays: expected a mapping such as {P1: 14, P2: 28}");
      } else {
        dueDays.fields().forEachRemaining(e -> {
          var p = Priority.parse(e.getKey());
          if (p.isEmpty() || !e.getKey().matches("(?i)p[1-4]")) {
            problems.add("policy.dueDays." + e.getKey() + ": not a priority (P1 to P4)");
          } else if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber() || e.getValue().asInt() < 0) {
            problems.add("policy.dueDays." + e.getKey() + ": '" + e.getValue().asText() + "' must be a whole number of days");
          } else {
            days.put(p.get(), e.getValue().asInt());
          }
        });
      }
    }
    Priority defaultPriority = standard.defaultPriority();
    String dp = text(node, "defaultPriority");
    if (dp != null) {
      if (!dp.matches("(?i)p[1-4]")) {
        problems.add("policy.defaultPriority: '" + dp + "' must be P1, P2, P3 or P4");
      } else {
        defaultPriority = Priority.valueOf(dp.toUpperCase(Locale.ROOT));
      }
    }
    try {
      return new DueDatePolicy(days, defaultPriority);
    } catch (ValidationException e) {
      e.problems().forEach(p -> problems.add("policy." + p));
      return null;
    }
  }

  private NotifyConfig notify(JsonNode node, List<String> problems) {
    if (!node.isObject()) {
      problems.add("notify: expected a mapping");
      return null;
    }
    unknownKeys(node, NOTIFY, "notify.", problems);
    String webhook = text(node, "webhook");
    if (webhook != null && !(webhook.startsWith("https://") || webhook.startsWith("http://localhost")
        || webhook.startsWith("http://127.0.0.1"))) {
      // The value is a secret: say what is wrong without repeating it.
      problems.add("notify.webhook: must be an https URL");
    }
    JsonNode comments = node.get("comments");
    if (comments != null && !comments.isNull() && !comments.isBoolean()) {
      problems.add("notify.comments: must be true or false");
    }
    java.time.Duration every = null;
    String everyText = text(node, "commentEvery");
    if (everyText != null) {
      every = Durations.parse(everyText).orElse(null);
      if (every == null || every.isNegative() || every.isZero()) {
        problems.add("notify.commentEvery: '" + everyText + "' is not a positive duration such as 7d");
      }
    }
    return new NotifyConfig(webhook == null ? null : Secret.of(webhook), comments != null && comments.asBoolean(false), every);
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

  private static void unknownKeys(JsonNode node, Set<String> known, String prefix, List<String> problems) {
    node.fieldNames().forEachRemaining(k -> {
      if (!known.contains(k)) {
        problems.add(prefix + k + ": unknown key (expected one of " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    });
  }

  private static void require(JsonNode node, String key, List<String> problems) {
    if (text(node, key) == null) {
      problems.add("tracker." + key + ": must be given");
    }
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
  }

  private static Map<String, String> stringMap(JsonNode node, String name, List<String> problems) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return map;
    }
    if (!node.isObject()) {
      problems.add(name + ": expected a mapping");
      return map;
    }
    node.fields().forEachRemaining(e -> map.put(e.getKey().startsWith("@") ? e.getKey().substring(1) : e.getKey(),
        e.getValue().asText()));
    return map;
  }
}
