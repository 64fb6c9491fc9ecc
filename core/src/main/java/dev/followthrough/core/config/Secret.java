package dev.followthrough.core.config;

import java.util.Objects;

/**
 * A credential. Its {@code toString} never shows the value, so it cannot leak through logs,
 * exception messages or a record's {@code toString}; call {@link #reveal()} only where the value
 * is sent.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  public String reveal() {
    return value;
  }

  public boolean isBlank() {
    return value.isBlank();
  }

  @Override
  public String toString() {
    return "****";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
