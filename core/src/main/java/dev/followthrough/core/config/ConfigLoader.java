package dev.followthrough.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.followthrough.core.ValidationException;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.policy.DueDatePolicy;
import dev.followthrough.core.policy.VerificationPolicy;
import dev.followthrough.core.policy.WorkingDays;
import dev.followthrough.core.store.StoreProvider;
import dev.followthrough.core.tracker.TrackerProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code followthrough.yaml}: {@code ${NAME}} is replaced by the environment variable NAME
 * (secrets belong there, never in the file or in arguments), unknown keys are errors, and every
 * problem is reported at once.
 */
final class ConfigLoader {
  private static final Set<String> TOP = Set.of("store", "tracker", "policy", "notify", "sync", "lint", "serve");
  private static final Set<String> SYNC = Set.of("fullEvery", "overlap");
  private static final Set<String> NOTIFY = Set.of("webhook", "comments", "commentEvery", "beforeDue");
  private static final Set<String> POLICY = Set.of("dueDays", "defaultPriority", "verifyDays", "ineffective", "businessDays",
      "holidays");

  private final Function<String, String> environment;

  /** @param environment looks up environment variables ({@code System::getenv} in the CLI) */
  ConfigLoader(Function<String, String> environment) {
    this.environment = environment;
  }

  FollowthroughConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), List.of("file not found"));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), List.of("cannot be read: " + e.getMessage()));
    }
    return parse(text, file.toString(), file.toAbsolutePath().getParent());
  }

  /** Configuration text named {@code name}; a relative path in it is taken from the named file's folder. */
  FollowthroughConfig parse(String yaml, String name) {
    Path parent = Path.of(name).toAbsolutePath().getParent();
    return parse(yaml, name, parent == null ? Path.of("").toAbsolutePath() : parent);
  }

  private FollowthroughConfig parse(String yaml, String name, Path baseDir) {
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
    unknownTopKeys(root, problems);
    // Each section is substituted on its own: a tracker variable that is not set fails only the
    // commands that open the tracker.
    Map<String, JsonNode> sections = new java.util.LinkedHashMap<>();
    Map<String, Substitution> substitutions = new java.util.HashMap<>();
    root.fields().forEachRemaining(e -> {
      Substitution s = new Substitution(environment);
      sections.put(e.getKey(), s.apply(e.getValue(), e.getKey()));
      substitutions.put(e.getKey(), s);
    });
    StoreSettings store = SubstitutedSections.read(sections, substitutions, "store", problems, ConfigLoader::store);
    TrackerSettings tracker = tracker(sections, substitutions, name, problems);
    JsonNode policyNode = sections.get("policy");
    PolicyReader days = policyNode != null && policyNode.isObject() ? new PolicyReader(policyNode, problems, baseDir) : null;
    WorkingDays counting = days == null ? null : days.days();
    DueDatePolicy policy = SubstitutedSections.read(sections, substitutions, "policy", problems,
        (node, found) -> policy(node, days, counting, found));
    NotifyConfig notify = SubstitutedSections.deferred(sections, substitutions, "notify", problems, ConfigLoader::notify,
        (n, u) -> new NotifyConfig(n.webhook(), n.comments(), n.commentEvery(), n.beforeDue(), new Unresolved(name, u)));
    // verifyDays and ineffective live in the policy section too; its variables were counted above.
    VerificationPolicy verification = days != null ? verification(policyNode, days, counting, problems) : null;
    SyncConfig sync = SubstitutedSections.read(sections, substitutions, "sync", problems, ConfigLoader::sync);
    var lint = SubstitutedSections.read(sections, substitutions, "lint", problems, LintConfig::read);
    ServeConfig serve = SubstitutedSections.deferred(sections, substitutions, "serve", problems, ConfigLoader::serve,
        (v, u) -> new ServeConfig(v.token(), new Unresolved(name, u)));
    if (!problems.isEmpty()) {
      throw new ConfigException(name, problems);
    }
    return new FollowthroughConfig(store, tracker, policy, notify, verification, sync, lint, serve);
  }

  /** A plain path means the directory store; a mapping names its provider by {@code type}. */
  private static StoreSettings store(JsonNode node, List<String> problems) {
    if (node.isTextual()) {
      return StoreSettings.directory(Path.of(node.asText()));
    }
    if (!node.isObject()) {
      problems.add("store: expected a directory or a mapping with a type");
      return null;
    }
    ConfigSection section = new ConfigSection("store", node, problems);
    String type = section.text("type");
    if (type == null) {
      section.problem("type", "must be given (" + String.join(", ", storeTypes()) + ")");
      return null;
    }
    var provider = StoreProvider.forType(type);
    if (provider.isEmpty()) {
      section.problem("type", "'" + type + "' is not available in this build (available: "
          + String.join(", ", storeTypes()) + ")");
      return null;
    }
    return provider.get().read(section);
  }

  private static TrackerSettings tracker(JsonNode node, List<String> problems) {
    if (!node.isObject()) {
      problems.add("tracker: expected a mapping");
      return null;
    }
    ConfigSection section = new ConfigSection("tracker", node, problems);
    List<String> available = TrackerProvider.available().stream().map(TrackerProvider::type).sorted().toList();
    String type = section.text("type");
    if (type == null) {
      section.problem("type", "must be given (" + (available.isEmpty() ? "no tracker module is installed"
          : String.join(", ", available)) + ")");
      return null;
    }
    var provider = TrackerProvider.forType(type);
    if (provider.isEmpty()) {
      section.problem("type", "tracker type '" + type + "' is not available in this build"
          + (available.isEmpty() ? " (no tracker module is installed)" : " (available: " + String.join(", ", available) + ")"));
      return null;
    }
    return provider.get().read(section);
  }

  private static List<String> storeTypes() {
    return StoreProvider.available().stream().map(StoreProvider::type).sorted().toList();
  }

  /** The tracker section; one naming a variable that is not set is kept unresolved until a command opens it. */
  private static TrackerSettings tracker(Map<String, JsonNode> sections, Map<String, Substitution> substitutions,
      String name, List<String> problems) {
    JsonNode node = sections.get("tracker");
    Substitution substitution = substitutions.get("tracker");
    if (node == null || node.isNull() || !substitution.anyMissing()) {
      return SubstitutedSections.read(sections, substitutions, "tracker", problems, ConfigLoader::tracker);
    }
    List<String> found = new ArrayList<>();
    tracker(node, found);
    List<String> unresolved = new ArrayList<>(substitution.problems());
    unresolved.addAll(substitution.withoutEchoes(found));
    TrackerBasics basics = node.isObject() ? TrackerBasics.read(new ConfigSection("tracker", node, new ArrayList<>()))
        : TrackerBasics.of(null);
    return new UnresolvedTrackerSettings(name, basics, unresolved);
  }

  private DueDatePolicy policy(JsonNode node, PolicyReader reader, WorkingDays counting, List<String> problems) {
    if (!node.isObject()) {
      problems.add("policy: expected a mapping");
      return null;
    }
    ConfigSection section = new ConfigSection("policy", node, problems);
    section.allowOnly(POLICY);
    DueDatePolicy standard = DueDatePolicy.standard();
    Map<Priority, Integer> days = reader.plain("dueDays", standard.dueDays());
    Priority defaultPriority = standard.defaultPriority();
    String dp = section.text("defaultPriority");
    if (dp != null) {
      if (!dp.matches("(?i)p[1-4]")) {
        problems.add("policy.defaultPriority: '" + dp + "' must be P1, P2, P3 or P4");
      } else {
        defaultPriority = Priority.valueOf(dp.toUpperCase(Locale.ROOT));
      }
    }
    try {
      return new DueDatePolicy(days, defaultPriority, reader.bySeverity("dueDays"), counting);
    } catch (ValidationException e) {
      e.problems().forEach(p -> problems.add("policy." + p));
      return null;
    }
  }

  private static VerificationPolicy verification(JsonNode node, PolicyReader reader, WorkingDays counting,
      List<String> problems) {
    VerificationPolicy standard = VerificationPolicy.standard();
    ConfigSection section = new ConfigSection("policy", node, problems);
    String rule = section.choice("ineffective", Set.of("reopen", "follow-up"), "reopen");
    try {
      return new VerificationPolicy(reader.plain("verifyDays", standard.verifyDays()),
          rule.equals("reopen") ? VerificationPolicy.OnIneffective.REOPEN : VerificationPolicy.OnIneffective.FOLLOW_UP,
          reader.bySeverity("verifyDays"), counting);
    } catch (ValidationException e) {
      e.problems().forEach(p -> problems.add("policy." + p));
      return null;
    }
  }

  private static NotifyConfig notify(JsonNode node, List<String> problems) {
    if (!node.isObject()) {
      problems.add("notify: expected a mapping");
      return null;
    }
    ConfigSection section = new ConfigSection("notify", node, problems);
    section.allowOnly(NOTIFY);
    String webhook = section.text("webhook");
    if (webhook != null && !(webhook.startsWith("https://") || webhook.startsWith("http://localhost")
        || webhook.startsWith("http://127.0.0.1"))) {
      // The value is a secret: say what is wrong without repeating it.
      section.problem("webhook", "must be an https URL");
    }
    return new NotifyConfig(webhook == null ? null : Secret.of(webhook), section.flag("comments", false),
        section.duration("commentEvery", false), beforeDue(section));
  }

  /** {@code beforeDue: [7d, 1d]}: whole days, 1 or more. */
  private static List<Integer> beforeDue(ConfigSection section) {
    List<Integer> days = new ArrayList<>();
    for (String value : section.list("beforeDue")) {
      var d = Durations.parse(value).filter(x -> !x.isNegative() && !x.isZero() && x.toDaysPart() > 0
          && x.minusDays(x.toDays()).isZero());
      if (d.isEmpty()) {
        section.problem("beforeDue", "'" + value + "' is not a whole number of days such as 7d");
      } else {
        days.add((int) d.get().toDays());
      }
    }
    return days;
  }

  private static ServeConfig serve(JsonNode node, List<String> problems) {
    if (!node.isObject()) {
      problems.add("serve: expected a mapping");
      return null;
    }
    ConfigSection section = new ConfigSection("serve", node, problems);
    section.allowOnly(Set.of("token"));
    Secret token = section.secret("token");
    if (token != null && token.reveal().length() < 16) {
      // The value is a secret: say what is wrong without repeating it.
      section.problem("token", "must be at least 16 characters (a random string, such as from 'openssl rand -hex 32')");
    }
    return new ServeConfig(token);
  }

  private static SyncConfig sync(JsonNode node, List<String> problems) {
    if (!node.isObject()) {
      problems.add("sync: expected a mapping such as {fullEvery: 24h}");
      return null;
    }
    ConfigSection section = new ConfigSection("sync", node, problems);
    section.allowOnly(SYNC);
    return new SyncConfig(section.duration("fullEvery", false), section.duration("overlap", false));
  }

  private static void unknownTopKeys(JsonNode root, List<String> problems) {
    root.fieldNames().forEachRemaining(k -> {
      if (!TOP.contains(k)) {
        problems.add(k + ": unknown key (expected one of " + String.join(", ", TOP.stream().sorted().toList()) + ")");
      }
    });
  }
}
