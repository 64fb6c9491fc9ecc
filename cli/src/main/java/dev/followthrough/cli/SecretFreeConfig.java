package dev.followthrough.cli;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last check before {@code init} writes a file: every credential key holds a {@code ${VAR}}
 * reference and nothing else, and no URL carries a user's password. The problem it reports names
 * the line and key, never the value.
 */
final class SecretFreeConfig {
  /** Keys whose value is a credential anywhere in the configuration. */
  static final List<String> CREDENTIAL_KEYS = List.of("token", "password", "email", "secret", "webhook", "apiKey");

  private static final Pattern KEY_VALUE = Pattern.compile("^\\s*(?:-\\s+)?([A-Za-z][\\w.-]*)\\s*:\\s*(.*)$");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{[A-Z_][A-Z0-9_]*}");
  /** {@code scheme://user:password@host}, or a {@code password=} query parameter. */
  private static final Pattern URL_PASSWORD = Pattern.compile("://[^/@\\s]*:[^/@\\s]*@|[?&;]password=", Pattern.CASE_INSENSITIVE);

  private SecretFreeConfig() {}

  /** The first problem in {@code yaml}, as "line N (key): reason". */
  static Optional<String> problem(String yaml) {
    List<String> lines = yaml.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = KEY_VALUE.matcher(lines.get(i));
      if (lines.get(i).stripLeading().startsWith("#") || !m.matches()) {
        continue;
      }
      String key = m.group(1);
      String value = m.group(2).replaceFirst("\\s+#.*$", "").strip();
      String where = "line " + (i + 1) + " (" + key + "): ";
      if (CREDENTIAL_KEYS.contains(key) && !REFERENCE.matcher(value).matches()) {
        return Optional.of(where + "a credential must be a ${VAR} reference to an environment variable");
      }
      if (URL_PASSWORD.matcher(value).find()) {
        return Optional.of(where + "a URL must not carry a password; it belongs in a ${VAR} reference");
      }
    }
    return Optional.empty();
  }
}
