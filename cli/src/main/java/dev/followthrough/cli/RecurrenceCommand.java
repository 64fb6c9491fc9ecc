package dev.followthrough.cli;

import dev.followthrough.core.Corrections;
import dev.followthrough.core.model.Recurrence;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recurrence confirm|dismiss PM_ID EARLIER_PM_ID}: settles a likely recurrence. */
@Command(footer = {"", "Example: followthrough recurrence confirm 2026-11-20-category-page-stampede 2023-04-02-cache-stampede"}, name = "recurrence", mixinStandardHelpOptions = true,
    description = {"Confirm or dismiss that an incident repeats an earlier one.",
        "Recorded with who and when. Any two stored postmortems, also a pair the detector did not find. 'recurrences' lists them."},
    subcommands = {RecurrenceCommand.Confirm.class, RecurrenceCommand.Dismiss.class})
final class RecurrenceCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandFailedException("say 'recurrence confirm PM_ID EARLIER_PM_ID' or 'recurrence dismiss PM_ID EARLIER_PM_ID'",
        FollowthroughCli.BAD_INPUT);
  }

  abstract static class Settle implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PM_ID", description = "The later postmortem.")
    String postmortemId;

    @Parameters(index = "1", paramLabel = "EARLIER_PM_ID", description = "The earlier postmortem it may repeat.")
    String earlierId;

    @picocli.CommandLine.Option(names = "--by", paramLabel = "WHO", description = "Who settles it (default: the USER environment variable).")
    String by;

    @Mixin ConfigOptions options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    abstract Recurrence.Status status();

    @Override
    public Integer call() {
      try (Workspace workspace = options.workspace()) {
        boolean found = workspace.followthrough().store().find(postmortemId)
            .map(s -> s.postmortem().recurrenceOf().stream().anyMatch(r -> r.postmortemId().equals(earlierId))).orElse(false);
        Corrections.of(workspace.followthrough()).settleRecurrence(postmortemId, earlierId, status(), by != null ? by : System.getenv("USER"));
        if (!found) {
          spec.commandLine().getOut().println("Recorded a pair the detector had not found.");
        }
      }
      spec.commandLine().getOut().println(postmortemId + " as a repeat of " + earlierId + ": "
          + status().name().toLowerCase(java.util.Locale.ROOT) + ".");
      spec.commandLine().getOut().flush();
      return FollowthroughCli.OK;
    }
  }

  @Command(footer = {"", "Example: followthrough recurrence confirm 2026-11-20-category-page-stampede 2023-04-02-cache-stampede"}, name = "confirm", mixinStandardHelpOptions = true, description = "The incident repeats the earlier one.")
  static final class Confirm extends Settle {
    @Override
    Recurrence.Status status() {
      return Recurrence.Status.CONFIRMED;
    }
  }

  @Command(footer = {"", "Example: followthrough recurrence dismiss 2026-11-20-category-page-stampede 2023-04-02-cache-stampede"}, name = "dismiss", mixinStandardHelpOptions = true, description = "The two incidents are not the same failure.")
  static final class Dismiss extends Settle {
    @Override
    Recurrence.Status status() {
      return Recurrence.Status.DISMISSED;
    }
  }
}
