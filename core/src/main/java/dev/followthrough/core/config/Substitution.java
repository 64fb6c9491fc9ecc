package dev.followthrough.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in one section of the configuration, after parsing, so values need no
 * quoting. Each section has its own, so that a variable only the tracker needs is asked for only
 * by the commands that use the tracker. A variable that is not set is one problem, however many
 * keys name it, and the keys it left empty are not reported again as missing.
 */
final class Substitution {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final Function<String, String> environment;
  /** Each variable that is not set, with the keys that name it. */
  private final Map<String, Set<String>> missing = new LinkedHashMap<>();

  Substitution(Function<String, String> environment) {
    this.environment = environment;
  }

  /** The node with every variable replaced; {@code path} is the node's key, such as {@code tracker}. */
  JsonNode apply(JsonNode node, String path) {
    if (node.isTextual()) {
      Matcher m = VARIABLE.matcher(node.asText());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = environment.apply(m.group(1));
        if (value == null) {
          missing.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>()).add(path);
          value = "";
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      return TextNode.valueOf(out.toString());
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), apply(e.getValue(), path + "." + e.getKey())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      int[] index = {0};
      node.forEach(e -> copy.add(apply(e, path + "[" + index[0]++ + "]")));
      return copy;
    }
    return node;
  }

  boolean anyMissing() {
    return !missing.isEmpty();
  }

  /** One problem per variable that is not set, naming the keys that use it (never a value). */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    missing.forEach((name, keys) -> problems.add("environment variable " + name + " is not set (" + String.join(", ", keys) + ")"));
    return problems;
  }

  /**
   * The problems a section's reader found, without those about a key a missing variable left
   * empty: that key's problem is the variable, already reported by {@link #problems()}.
   */
  List<String> withoutEchoes(List<String> found) {
    Set<String> emptied = new LinkedHashSet<>();
    missing.values().forEach(emptied::addAll);
    return found.stream().filter(p -> emptied.stream().noneMatch(k -> p.startsWith(k + ":") || p.startsWith(k + "."))).toList();
  }
}
