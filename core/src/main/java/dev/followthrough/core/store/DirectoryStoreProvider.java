package dev.followthrough.core.store;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.StoreSettings;
import java.nio.file.Path;
import java.util.Set;

/**
 * Serves {@code store: {type: directory, path: DIR}}, which {@code store: DIR} also means. Public
 * only because {@link java.util.ServiceLoader} needs it so; use {@link StoreSettings#directory}.
 */
public final class DirectoryStoreProvider implements StoreProvider {
  private static final StoreSettings DEFAULT = StoreSettings.directory(Path.of(".followthrough"));

  @Override
  public String type() {
    return DEFAULT.type();
  }

  @Override
  public StoreSettings read(ConfigSection section) {
    section.allowOnly(Set.of("type", "path"));
    Path path = section.path("path");
    return path == null ? DEFAULT : StoreSettings.directory(path);
  }
}
