package dev.followthrough.cli;

import dev.followthrough.core.tracker.Check;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code doctor}: checks the setup and says how to fix each problem; changes nothing. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {"Check the setup and say how to fix each problem.",
        "Checks the configuration and its variables, the store and the tracker.",
        "Only reads: nothing is written to the tracker or the store. Exit code 1 when a check failed."},
    footer = {"", "Example: followthrough doctor --config followthrough.yaml"})
final class DoctorCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: followthrough.yaml when present).")
  Path config;

  @Option(names = "--store", paramLabel = "DIR", description = "Check this store directory instead of the config's store.")
  Path store;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path file = config != null ? config : Files.exists(ConfigOptions.DEFAULT_CONFIG) ? ConfigOptions.DEFAULT_CONFIG : null;
    List<Check> checks = new SetupChecks(System::getenv, Clock.systemUTC()).run(file, store);
    PrintWriter out = spec.commandLine().getOut();
    Colours colours = Colours.forStdout();
    for (Check check : checks) {
      out.println(render(check, colours));
    }
    long failed = checks.stream().filter(Check::failed).count();
    out.println(failed == 0 ? "All checks passed." : failed + " problem(s) found.");
    out.flush();
    return failed == 0 ? FollowthroughCli.OK : FollowthroughCli.WORK_FAILED;
  }

  static String render(Check check, Colours colours) {
    String word = switch (check.outcome()) {
      case OK -> colours.green("ok     ");
      case PROBLEM -> colours.red("problem");
      case SKIPPED -> "skipped";
    };
    return word + "  " + check.name() + ": " + check.detail() + (check.fix() == null ? "" : "\n         fix: " + check.fix());
  }
}
