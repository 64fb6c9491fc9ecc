package dev.followthrough.server.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The dashboard's stylesheet and script, served from the server itself as the CSP requires. */
public final class Assets {
  /** One asset: its media type and text. */
  public record Asset(String contentType, String body) {}

  private static final Map<String, Asset> ASSETS = Map.of(
      "dashboard.css", new Asset("text/css; charset=utf-8", load("dashboard.css")),
      "dashboard.js", new Asset("text/javascript; charset=utf-8", load("dashboard.js")));

  private Assets() {}

  /** The asset of that name ({@code dashboard.css}, {@code dashboard.js}), or empty. */
  public static Optional<Asset> named(String name) {
    return Optional.ofNullable(ASSETS.get(name));
  }

  private static String load(String name) {
    try (InputStream in = Assets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("dashboard asset missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
