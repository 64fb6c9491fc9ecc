package dev.followthrough.core.store;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.StoreSettings;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A store module's entry point, found through {@code META-INF/services} by the
 * {@code store.type} it serves. Core brings {@code directory}, the embedded default.
 */
public interface StoreProvider {
  /** The {@code store.type} it serves. */
  String type();

  /** Reads and checks its {@code store:} section, recording every problem in the section. */
  StoreSettings read(ConfigSection section);

  static Optional<StoreProvider> forType(String type) {
    return available().stream().filter(p -> p.type().equals(type)).findFirst();
  }

  static List<StoreProvider> available() {
    return ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get).toList();
  }
}
