package dev.followthrough.cli;

import dev.followthrough.core.config.FollowthroughConfig;
import dev.followthrough.core.config.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --store}, shared by every command that uses the store. */
final class ConfigOptions {
  static final Path DEFAULT_CONFIG = Path.of("followthrough.yaml");

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: followthrough.yaml when present).")
  Path config;

  @Option(names = "--store", paramLabel = "DIR",
      description = "Store directory, instead of the config's store (default: the config's store, else .followthrough).")
  Path store;

  /** The configuration: the named file, else followthrough.yaml if present, else defaults. */
  FollowthroughConfig config() {
    Path file = config != null ? config : Files.exists(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
    FollowthroughConfig loaded = file == null ? FollowthroughConfig.defaults() : FollowthroughConfig.load(file, System::getenv);
    return store == null ? loaded : loaded.withStore(StoreSettings.directory(store));
  }

  /** The configuration with its store and tracker, opened on first use; close it when done. */
  Workspace workspace() {
    return new Workspace(config());
  }
}
