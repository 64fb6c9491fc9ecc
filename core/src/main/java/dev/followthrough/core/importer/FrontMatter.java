package dev.followthrough.core.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.followthrough.core.DocumentException;
import dev.followthrough.core.model.Diagnostic;
import java.util.List;
import java.util.Set;

/** Optional YAML front matter between {@code ---} lines at the top of a document. */
record FrontMatter(JsonNode fields, String body, int bodyLineOffset) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> KNOWN =
      Set.of("id", "title", "severity", "owner", "incident", "date", "status", "authors", "tags", "summary",
          "resolved", "resolvedWhen");

  static FrontMatter split(String text, String file, List<Diagnostic> diagnostics) {
    // "---" opens YAML; "+++" opens TOML, as Hugo and Zola blogs write it.
    boolean toml = text.startsWith("+++");
    if (!text.startsWith("---") && !toml) {
      return new FrontMatter(null, text, 0);
    }
    String marker = toml ? "+++" : "---";
    // Only the lines up to the closing marker are split: the body is taken whole after it.
    List<String> lines = new java.util.ArrayList<>();
    int from = 0;
    int close = -1;
    int bodyStart = text.length();
    while (from <= text.length() && lines.size() < 500) {
      int nl = text.indexOf('\n', from);
      int to = nl < 0 ? text.length() : nl;
      String line = text.substring(from, to).strip();
      if (lines.isEmpty() && !line.equals(marker)) {
        return new FrontMatter(null, text, 0);
      }
      if (!lines.isEmpty() && (line.equals(marker) || !toml && line.equals("..."))) {
        close = lines.size();
        bodyStart = nl < 0 ? text.length() : nl + 1;
        break;
      }
      lines.add(line.isEmpty() ? "" : Regex.replaceAll(text.substring(from, to), "\r$", ""));
      if (nl < 0) {
        break;
      }
      from = nl + 1;
    }
    if (close < 0) {
      return new FrontMatter(null, text, 0);
    }
    JsonNode fields = toml ? TomlFields.read(lines.subList(1, close)) : yaml(lines.subList(1, close), file);
    if (fields != null && !fields.isNull() && !fields.isObject()) {
      throw new DocumentException(file, 2, "front matter must be a YAML mapping of keys to values");
    }
    if (fields != null) {
      fields.fieldNames().forEachRemaining(name -> {
        if (!KNOWN.contains(name)) {
          diagnostics.add(Diagnostic.warning(1, "front matter key '" + name + "' is not used"));
        }
      });
    }
    return new FrontMatter(fields, text.substring(bodyStart), close + 1);
  }

  private static JsonNode yaml(List<String> lines, String file) {
    try {
      return YAML.readTree(String.join("\n", lines));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
      throw new DocumentException(file, line, "front matter is not valid YAML: " + e.getOriginalMessage().split("\n")[0]);
    }
  }

  String text(String key) {
    if (fields == null) {
      return null;
    }
    JsonNode v = fields.get(key);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  String incident(String key) {
    if (fields == null || fields.get("incident") == null) {
      return null;
    }
    JsonNode v = fields.get("incident").get(key);
    return v == null || v.isNull() ? null : v.asText();
  }
}
