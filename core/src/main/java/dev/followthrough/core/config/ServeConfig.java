package dev.followthrough.core.config;

/**
 * The {@code serve:} section, read by {@code followthrough serve}.
 *
 * @param token the bearer token every page and API asks for (a secret), or {@code null}: a server
 *     bound to any address but the loopback one refuses to start without it
 */
public record ServeConfig(Secret token) {
  /** No token: the server may only listen on the loopback address. */
  public static ServeConfig none() {
    return new ServeConfig(null);
  }
}
