package dev.followthrough.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code store}: commands on the store itself rather than on its postmortems. */
@Command(footer = {"", "Example: followthrough store copy --to postgres.yaml"}, name = "store", mixinStandardHelpOptions = true, subcommands = StoreCopyCommand.class,
    description = {"Work on the store as a whole.", "store copy --to DIR_OR_CONFIG_FILE copies it."})
final class StoreCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a store command is required (copy)");
  }
}
