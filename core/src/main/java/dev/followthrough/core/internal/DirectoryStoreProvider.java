package dev.followthrough.core.internal;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.StoreSettings;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoreProvider;
import java.nio.file.Path;
import java.util.Set;

/** Serves {@code store: {type: directory, path: DIR}}, which {@code store: DIR} also means. */
public final class DirectoryStoreProvider implements StoreProvider {
  public static final String TYPE = "directory";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public StoreSettings read(ConfigSection section) {
    section.allowOnly(Set.of("type", "path"));
    Path path = section.path("path");
    return new Settings(path == null ? Path.of(".followthrough") : path);
  }

  /** The settings for a directory. */
  public static StoreSettings at(Path directory) {
    return new Settings(directory);
  }

  private record Settings(Path directory) implements StoreSettings {
    @Override
    public String type() {
      return TYPE;
    }

    @Override
    public String describe() {
      return directory.toString();
    }

    @Override
    public ActionStore open() {
      return ActionStore.directory(directory);
    }
  }
}
