package dev.followthrough.cli;

import dev.followthrough.core.config.FollowthroughConfig;
import dev.followthrough.core.config.StoreSettings;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code store copy --to DIR_OR_CONFIG_FILE}: copies every postmortem, with its items, ticket
 * links and history, from the configured store into another, for example from the directory
 * store into PostgreSQL. Both stores' run locks are held, so no sync changes either meanwhile.
 */
@Command(footer = {"", "Example: followthrough store copy --to postgres.yaml"}, name = "copy", mixinStandardHelpOptions = true,
    description = {"Copy every postmortem from the configured store into another.",
        "Items, ticket links and history go to a store directory, or to a configuration file whose 'store:' names it.",
        "A postmortem the target holds already is left alone when it is equal and an error",
        "when it differs; nothing is written then. Running it again copies what is missing."})
final class StoreCopyCommand implements Callable<Integer> {
  @Option(names = "--to", required = true, paramLabel = "DIR_OR_CONFIG_FILE",
      description = "The target: a store directory, or a YAML configuration file with a 'store:' section.")
  Path to;

  @Mixin ConfigOptions options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    StoreSettings target = target();
    try (Workspace workspace = options.workspace(); ActionStore into = target.open()) {
      ActionStore from = workspace.store();
      if (from.describe().equals(into.describe())) {
        throw new CommandFailedException("the target is the configured store itself (" + from.describe() + ")",
            FollowthroughCli.BAD_INPUT);
      }
      try (ActionStore.RunLock fromLock = runLock(from); ActionStore.RunLock intoLock = runLock(into)) {
        List<StoredPostmortem> source = from.findAll();
        Map<String, StoredPostmortem> present = into.findAll().stream()
            .collect(Collectors.toMap(StoredPostmortem::id, Function.identity()));
        List<String> differing = new ArrayList<>();
        List<StoredPostmortem> missing = new ArrayList<>();
        for (StoredPostmortem p : source) {
          StoredPostmortem there = present.get(p.id());
          if (there == null) {
            missing.add(p);
          } else if (!there.postmortem().equals(p.postmortem())) {
            differing.add(p.id());
          }
        }
        if (!differing.isEmpty()) {
          throw new CommandFailedException(into.describe() + " already holds different versions of "
              + String.join(", ", differing) + "; nothing was copied", FollowthroughCli.WORK_FAILED);
        }
        missing.forEach(p -> into.insert(p.postmortem()));
        int items = missing.stream().mapToInt(p -> p.postmortem().actionItems().size()).sum();
        out.println("Copied " + missing.size() + " postmortem" + (missing.size() == 1 ? "" : "s") + " (" + items
            + " action item" + (items == 1 ? "" : "s") + ") from " + from.describe() + " to " + into.describe()
            + (source.size() > missing.size() ? "; " + (source.size() - missing.size()) + " were there already" : "")
            + ".");
      }
    }
    out.flush();
    return FollowthroughCli.OK;
  }

  /** A file is a configuration naming the store; anything else is a store directory. */
  private StoreSettings target() {
    if (Files.isRegularFile(to)) {
      return FollowthroughConfig.load(to, System::getenv).store();
    }
    return StoreSettings.directory(to);
  }

  private static ActionStore.RunLock runLock(ActionStore store) {
    Optional<ActionStore.RunLock> lock = store.tryLockRun();
    return lock.orElseThrow(() -> new CommandFailedException("a sync is running on " + store.describe()
        + "; copy when it has finished", FollowthroughCli.WORK_FAILED));
  }
}
