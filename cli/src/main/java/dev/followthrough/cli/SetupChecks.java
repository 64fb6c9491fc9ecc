package dev.followthrough.cli;

import dev.followthrough.core.ValidationException;
import dev.followthrough.core.config.FollowthroughConfig;
import dev.followthrough.core.config.StoreSettings;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoreException;
import dev.followthrough.core.tracker.Check;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code doctor} checks besides the tracker's own checks: the configuration file, each
 * {@code ${VAR}} it names (set or not, never its value), and the store. Nothing is written.
 */
final class SetupChecks {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private final Function<String, String> environment;
  private final Clock clock;
  private final List<Check> checks = new ArrayList<>();

  SetupChecks(Function<String, String> environment, Clock clock) {
    this.environment = environment;
    this.clock = clock;
  }

  /** Every check, in the order a person fixes them: file, variables, store, tracker. */
  List<Check> run(Path file, Path storeOverride) {
    Optional<FollowthroughConfig> config = config(file);
    if (config.isEmpty()) {
      return checks;
    }
    FollowthroughConfig loaded = storeOverride == null ? config.get() : config.get().withStore(StoreSettings.directory(storeOverride));
    store(loaded.store());
    loaded.trackerSettings().ifPresentOrElse(settings -> {
      if (!settings.unresolved().isEmpty()) {
        // The variables were reported one by one above; other problems of the section follow them.
        settings.unresolved().stream().filter(p -> !p.startsWith("environment variable "))
            .forEach(p -> checks.add(Check.problem("config", file + ": " + p, "correct the key named in " + file)));
        checks.add(Check.skipped("tracker", "not checked until the variables of its section are set"));
        return;
      }
      String type = settings.basics().type();
      TrackerProvider provider = TrackerProvider.forType(type).orElseThrow();
      try {
        provider.diagnose(settings, clock).forEach(c -> checks.add(new Check("tracker " + c.name(), c.outcome(), c.detail(), c.fix())));
      } catch (TrackerException e) {
        checks.add(Check.problem("tracker", e.getMessage(), "check tracker.url and the credentials"));
      }
    }, () -> checks.add(Check.skipped("tracker", "none configured; import and report work without one")));
    return checks;
  }

  private Optional<FollowthroughConfig> config(Path file) {
    if (file == null) {
      checks.add(Check.skipped("config", "no followthrough.yaml here: the defaults apply (run 'followthrough init' to write one)"));
      return Optional.of(FollowthroughConfig.defaults());
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      checks.add(Check.problem("config", file + " cannot be read", "give an existing file with --config, or run 'followthrough init'"));
      return Optional.empty();
    }
    TreeSet<String> names = new TreeSet<>();
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    for (String name : names) {
      checks.add(environment.apply(name) == null
          ? Check.problem("${" + name + "}", "not set", "export " + name + "=... in the environment that runs followthrough")
          : Check.ok("${" + name + "}", "set"));
    }
    try {
      FollowthroughConfig config = FollowthroughConfig.load(file, environment);
      checks.add(Check.ok("config", file + " is valid"));
      return Optional.of(config);
    } catch (ValidationException e) {
      e.problems().stream().filter(p -> !p.startsWith("environment variable "))
          .forEach(p -> checks.add(Check.problem("config", file + ": " + p, "correct the key named in " + file)));
      return Optional.empty();
    }
  }

  private void store(StoreSettings settings) {
    List<Check> own = settings.diagnose();
    if (!own.isEmpty()) {
      checks.addAll(own);
      return;
    }
    try (ActionStore store = settings.open()) {
      int postmortems = store.findAll().size();
      checks.add(Check.ok("store", settings.describe() + " readable, " + postmortems + " postmortem(s)"));
      Optional<ActionStore.RunLock> lock = store.tryLockRun();
      lock.ifPresent(ActionStore.RunLock::close);
      checks.add(lock.isPresent() ? Check.ok("store lock", "free")
          : Check.problem("store lock", "another run holds the store's run lock", "wait for the running sync or schedule to finish"));
    } catch (StoreException | ValidationException e) {
      checks.add(Check.problem("store", e.getMessage(), "repair or move aside the file named, or fix store: in the configuration"));
    }
  }
}
