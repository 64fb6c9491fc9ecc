package dev.followthrough.core.config;

/**
 * The {@code serve:} section, read by {@code followthrough serve}.
 *
 * @param token the bearer token every page and API asks for (a secret), or {@code null}: a server
 *     bound to any address but the loopback one refuses to start without it
 * @param unresolved set when the section names a variable that is not set; {@code serve} calls
 *     {@link #requireResolved()} before it starts
 */
public record ServeConfig(Secret token, Unresolved unresolved) {
  public ServeConfig(Secret token) {
    this(token, null);
  }

  /** No token: the server may only listen on the loopback address. */
  public static ServeConfig none() {
    return new ServeConfig(null);
  }

  /** This section, once it is known that every variable it names is set. */
  public ServeConfig requireResolved() {
    if (unresolved != null) {
      unresolved.fail();
    }
    return this;
  }
}
