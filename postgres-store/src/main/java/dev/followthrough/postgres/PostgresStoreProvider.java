package dev.followthrough.postgres;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.StoreSettings;
import dev.followthrough.core.store.StoreProvider;

/** Serves {@code store: {type: postgres, ...}}; found through {@code META-INF/services}. */
public final class PostgresStoreProvider implements StoreProvider {
  @Override
  public String type() {
    return PostgresSettings.TYPE;
  }

  @Override
  public StoreSettings read(ConfigSection section) {
    return PostgresSettings.read(section);
  }
}
