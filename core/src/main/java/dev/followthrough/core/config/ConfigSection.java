package dev.followthrough.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One section of the configuration file ({@code tracker:} or {@code store:}), handed to the
 * provider that owns it. Readers record problems here instead of throwing, so that the loader can
 * report every problem of the file at once; each problem names its key, such as
 * {@code tracker.url}.
 */
public final class ConfigSection {
  private final String name;
  private final JsonNode node;
  private final List<String> problems;

  ConfigSection(String name, JsonNode node, List<String> problems) {
    this.name = name;
    this.node = node;
    this.problems = problems;
  }

  /** The section's name in the file, such as {@code tracker}. */
  public String name() {
    return name;
  }

  /** Reports every key that is not one of {@code known}. */
  public void allowOnly(Set<String> known) {
    node.fieldNames().forEachRemaining(k -> {
      if (!known.contains(k)) {
        problem(k, "unknown key (expected one of " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    });
  }

  /** Records a problem with one key; the message says what is wrong without repeating a secret. */
  public void problem(String key, String message) {
    problems.add(name + "." + key + ": " + message);
  }

  public boolean has(String key) {
    return text(key) != null;
  }

  /** The key's value without surrounding blanks, or {@code null} when absent or blank. */
  public String text(String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? null : v.asText().strip();
  }

  /** Like {@link #text} but reports the key as missing. */
  public String required(String key) {
    String value = text(key);
    if (value == null) {
      problem(key, "must be given");
    }
    return value;
  }

  /** One of {@code choices}, or {@code fallback} when absent. */
  public String choice(String key, Set<String> choices, String fallback) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    if (!choices.contains(value)) {
      problem(key, "'" + value + "' must be one of " + String.join(", ", new TreeSet<>(choices)));
      return fallback;
    }
    return value;
  }

  public Secret secret(String key) {
    String value = text(key);
    return value == null ? null : Secret.of(value);
  }

  public Path path(String key) {
    String value = text(key);
    return value == null ? null : Path.of(value);
  }

  /** {@code true} or {@code false}; {@code fallback} when absent. */
  public boolean flag(String key, boolean fallback) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      problem(key, "must be true or false");
      return fallback;
    }
    return v.asBoolean();
  }

  /** A duration such as {@code 30s}, {@code 5m} or {@code 7d}; {@code null} when absent. */
  public Duration duration(String key, boolean zeroAllowed) {
    String value = text(key);
    if (value == null) {
      return null;
    }
    Duration d = Durations.parse(value).orElse(null);
    if (d == null || d.isNegative() || (d.isZero() && !zeroAllowed)) {
      problem(key, "'" + value + "' is not a " + (zeroAllowed ? "" : "positive ") + "duration such as 30s");
      return null;
    }
    return d;
  }

  public List<String> list(String key) {
    List<String> values = new ArrayList<>();
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return values;
    }
    if (!v.isArray()) {
      problem(key, "expected a list");
      return values;
    }
    v.forEach(e -> values.add(e.asText()));
    return values;
  }

  /** A mapping of strings; a leading {@code @} on a key is dropped, so that handles may keep it. */
  public Map<String, String> map(String key) {
    Map<String, String> map = new LinkedHashMap<>();
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return map;
    }
    if (!v.isObject()) {
      problem(key, "expected a mapping");
      return map;
    }
    v.fields().forEachRemaining(e -> map.put(e.getKey().startsWith("@") ? e.getKey().substring(1) : e.getKey(),
        e.getValue().asText()));
    return map;
  }

  /**
   * An https URL without a trailing slash; plain http only to this machine, which local tests and
   * proxies use. {@code null} when absent or wrong.
   */
  public URI url(String key, String example) {
    String value = text(key);
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        problem(key, "'" + value + "' must be an https URL such as " + example);
        return null;
      }
      if (scheme.equals("http") && !isLoopback(uri.getHost())) {
        problem(key, "plain http is only allowed for localhost or 127.0.0.1; use https");
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      problem(key, "'" + value + "' is not a URL");
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
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
