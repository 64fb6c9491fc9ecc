package dev.followthrough.cli;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.store.ActionStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store} option shared by the commands that use the store. */
final class StoreOptions {
  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "Store directory (default: ${DEFAULT-VALUE}).",
      defaultValue = ".followthrough")
  Path store;

  Followthrough open() {
    return Followthrough.builder().store(ActionStore.directory(store)).build();
  }
}
