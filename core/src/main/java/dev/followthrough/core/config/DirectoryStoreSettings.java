package dev.followthrough.core.config;

import dev.followthrough.core.store.ActionStore;
import java.nio.file.Path;

/** The settings of the embedded default store: a directory. */
record DirectoryStoreSettings(Path directory) implements StoreSettings {
  @Override
  public String type() {
    return "directory";
  }

  @Override
  public String describe() {
    return directory.toString();
  }

  @Override
  public ActionStore open() {
    return ActionStore.directory(directory);
  }

  @Override
  public java.util.List<dev.followthrough.core.tracker.Check> diagnose() {
    return dev.followthrough.core.internal.EmbeddedStores.diagnoseDirectory(directory);
  }
}
