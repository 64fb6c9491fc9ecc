package dev.followthrough.postgres;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.config.StoreSettings;
import dev.followthrough.core.store.ActionStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code store: {type: postgres, url: jdbc:postgresql://HOST[:PORT]/DB, user: U, password: ${ENV},
 * schema: S, poolSize: N}}.
 *
 * @param schema where the tables live; created by the first migration when the user may
 * @param poolSize connections this process keeps open, besides one while it holds the run lock
 */
public record PostgresSettings(String url, String user, Secret password, String schema, int poolSize)
    implements StoreSettings {
  public static final String TYPE = "postgres";
  static final String DEFAULT_SCHEMA = "public";
  static final int DEFAULT_POOL_SIZE = 4;

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Pattern CREDENTIAL_PARAMETER =
      Pattern.compile("(?i)[?&](user|password|sslpassword)=[^&]*");

  public PostgresSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(schema, "schema");
    if (!url.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("url must start with jdbc:postgresql://");
    }
    if (!IDENTIFIER.matcher(schema).matches()) {
      throw new IllegalArgumentException("schema must be a lower-case SQL identifier");
    }
    if (poolSize < 1 || poolSize > 100) {
      throw new IllegalArgumentException("poolSize must be between 1 and 100");
    }
  }

  /** Settings with the default schema and pool size. */
  public static PostgresSettings of(String url, String user, Secret password) {
    return new PostgresSettings(url, user, password, DEFAULT_SCHEMA, DEFAULT_POOL_SIZE);
  }

  public PostgresSettings withSchema(String newSchema) {
    return new PostgresSettings(url, user, password, newSchema, poolSize);
  }

  public PostgresSettings withPoolSize(int newPoolSize) {
    return new PostgresSettings(url, user, password, schema, newPoolSize);
  }

  /** Reads a {@code store:} section, recording every problem in it; null when any was found. */
  public static PostgresSettings read(ConfigSection section) {
    section.allowOnly(Set.of("type", "url", "user", "password", "schema", "poolSize"));
    String url = section.required("url");
    if (url != null && !url.startsWith("jdbc:postgresql://")) {
      section.problem("url", "must start with jdbc:postgresql:// (such as jdbc:postgresql://db.example.com/followthrough)");
      url = null;
    } else if (url != null && CREDENTIAL_PARAMETER.matcher(url).find()) {
      // A credential in the URL would be printed wherever the store is named.
      section.problem("url", "must not carry user or password parameters; use store.user and store.password");
      url = null;
    }
    String user = section.required("user");
    Secret password = section.secret("password");
    if (password == null) {
      section.problem("password", "must be given, such as ${FOLLOWTHROUGH_DB_PASSWORD}");
    }
    String schema = section.text("schema");
    if (schema != null && !IDENTIFIER.matcher(schema).matches()) {
      section.problem("schema", "'" + schema + "' must be a lower-case SQL identifier (letters, digits, _)");
      schema = null;
    }
    Integer poolSize = poolSize(section);
    if (url == null || user == null || password == null || (section.has("schema") && schema == null)
        || poolSize == null) {
      return null;
    }
    return new PostgresSettings(url, user, password, schema == null ? DEFAULT_SCHEMA : schema, poolSize);
  }

  private static Integer poolSize(ConfigSection section) {
    String text = section.text("poolSize");
    if (text == null) {
      return DEFAULT_POOL_SIZE;
    }
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= 100) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below with the other wrong values.
    }
    section.problem("poolSize", "'" + text + "' must be a whole number from 1 to 100");
    return null;
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** {@code postgres} and the URL without credential parameters, with the schema when not public. */
  @Override
  public String describe() {
    String shown = CREDENTIAL_PARAMETER.matcher(url).replaceAll("");
    if (!shown.contains("?") && shown.contains("&")) {
      shown = shown.replaceFirst("&", "?");
    }
    return "postgres " + shown + (schema.equals(DEFAULT_SCHEMA) ? "" : " (schema " + schema + ")");
  }

  @Override
  public ActionStore open() {
    return new PostgresActionStore(this, Clock.systemUTC());
  }

  /** Read-only checks for {@code doctor}; the store is not opened, since opening it migrates it. */
  @Override
  public java.util.List<dev.followthrough.core.tracker.Check> diagnose() {
    return new PostgresDoctor(this).run();
  }

  @Override
  public String toString() {
    return "PostgresSettings[" + describe() + ", user=" + user + ", password=" + password + ", poolSize=" + poolSize + "]";
  }

  /** A connection of its own, not from a pool. */
  java.sql.Connection connectOutsidePool(String applicationName) {
    java.util.Properties props = new java.util.Properties();
    props.setProperty("user", user());
    props.setProperty("password", password().reveal());
    props.setProperty("tcpKeepAlive", "true");
    props.setProperty("ApplicationName", applicationName);
    try {
      // The driver itself rather than DriverManager, which only sees drivers of the caller's class loader.
      return new org.postgresql.Driver().connect(url(), props);
    } catch (java.sql.SQLException e) {
      throw new dev.followthrough.core.store.StoreException("cannot connect to " + describe() + " ("
          + applicationName + "): " + e.getMessage(), e);
    }
  }
}
