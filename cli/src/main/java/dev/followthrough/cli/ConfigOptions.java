package dev.followthrough.cli;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.config.ConfigLoader;
import dev.followthrough.core.config.FollowthroughConfig;
import dev.followthrough.core.store.ActionStore;
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
      description = "Store directory (default: the config's store, else .followthrough).")
  Path store;

  /** The configuration: the named file, else followthrough.yaml if present, else defaults. */
  FollowthroughConfig config() {
    Path file = config != null ? config : Files.exists(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
    FollowthroughConfig loaded = file == null ? FollowthroughConfig.defaults() : new ConfigLoader(System::getenv).load(file);
    return store == null ? loaded : loaded.withStore(store);
  }

  Followthrough open() {
    return open(config());
  }

  static Followthrough open(FollowthroughConfig config) {
    return Followthrough.builder().store(ActionStore.directory(config.store())).policy(config.policy()).build();
  }
}
