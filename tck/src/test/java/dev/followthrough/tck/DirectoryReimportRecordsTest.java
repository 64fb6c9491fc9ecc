package dev.followthrough.tck;

import dev.followthrough.core.store.ActionStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class DirectoryReimportRecordsTest extends ReimportRecordsKit {
  @TempDir Path dir;

  @Override
  protected ActionStore createStore() {
    return ActionStore.directory(dir.resolve("store"));
  }
}
