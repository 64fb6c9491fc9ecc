package dev.followthrough.core.importer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simple TOML of blog front matter: {@code key = "text"}, numbers, booleans, arrays of those
 * and {@code [table]} headers. Anything else is skipped: front matter only lends a title or a date.
 */
final class TomlFields {
  private static final Pattern PAIR = Pattern.compile("^([A-Za-z0-9_-]+|\"[^\"]*\")\\s*=\\s*(.+)$");
  private static final Pattern TABLE = Pattern.compile("^\\[([A-Za-z0-9_.-]+)]\\s*(?:#.*)?$");
  private static final Pattern ITEM = Pattern.compile("\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^,\\]]+?)\\s*(?:,|$)");

  private TomlFields() {}

  static ObjectNode read(List<String> lines) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode root = json.objectNode();
    ObjectNode table = root;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher t = TABLE.matcher(line);
      if (t.matches()) {
        table = root;
        for (String part : t.group(1).split("\\.")) {
          table = table.get(part) instanceof ObjectNode o ? o : table.putObject(part);
        }
        continue;
      }
      Matcher pair = PAIR.matcher(line);
      if (!pair.matches()) {
        continue;
      }
      String key = pair.group(1).replace("\"", "");
      String value = pair.group(2).strip();
      if (value.startsWith("[") && value.endsWith("]")) {
        ArrayNode array = table.putArray(key);
        Matcher item = ITEM.matcher(value.substring(1, value.length() - 1));
        while (item.find()) {
          if (!item.group(1).isBlank()) {
            array.add(scalar(item.group(1)));
          }
        }
      } else {
        table.put(key, scalar(value));
      }
    }
    return root;
  }

  /** A string without its quotes and escapes, or a bare value (number, boolean, date) as written. */
  private static String scalar(String value) {
    String v = value.strip();
    if (v.startsWith("\"")) {
      int close = v.lastIndexOf('"');
      return (close > 0 ? v.substring(1, close) : v.substring(1)).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (v.startsWith("'")) {
      int close = v.lastIndexOf('\'');
      return close > 0 ? v.substring(1, close) : v.substring(1);
    }
    int comment = v.indexOf(" #");
    return comment > 0 ? v.substring(0, comment).strip() : v;
  }
}
