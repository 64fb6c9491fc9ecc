package dev.followthrough.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Reading the configuration's sections, each with the variables it named substituted on its own. */
final class SubstitutedSections {
  private SubstitutedSections() {}

  /** Reads one section, if present: each variable not set is one problem, and the keys it emptied are not reported again. */
  static <T> T read(Map<String, JsonNode> sections, Map<String, Substitution> substitutions, String key,
      List<String> problems, BiFunction<JsonNode, List<String>, T> reader) {
    JsonNode node = sections.get(key);
    if (node == null || node.isNull()) {
      return null;
    }
    Substitution substitution = substitutions.get(key);
    List<String> found = new ArrayList<>();
    T value = reader.apply(node, found);
    problems.addAll(substitution.problems());
    problems.addAll(substitution.withoutEchoes(found));
    return value;
  }

  /**
   * A section whose variables only some commands need: one that is not set is kept in the value
   * as {@link Unresolved}, and fails the commands that use the section, not the others.
   */
  static <T> T deferred(Map<String, JsonNode> sections, Map<String, Substitution> substitutions, String key,
      List<String> problems, BiFunction<JsonNode, List<String>, T> reader,
      BiFunction<T, List<String>, T> unresolved) {
    Substitution substitution = substitutions.get(key);
    if (substitution == null || !substitution.anyMissing()) {
      return read(sections, substitutions, key, problems, reader);
    }
    List<String> found = new ArrayList<>();
    T value = reader.apply(sections.get(key), found);
    // A mistake in the file is every command's error; only the variable waits for its command.
    problems.addAll(substitution.withoutEchoes(found));
    if (value == null) {
      problems.addAll(substitution.problems());
      return null;
    }
    return unresolved.apply(value, substitution.problems());
  }
}
