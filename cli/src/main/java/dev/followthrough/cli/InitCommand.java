package dev.followthrough.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code init}: writes a commented followthrough.yaml whose secrets are {@code ${VAR}} references. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Write a commented followthrough.yaml with no secret in it.",
        "Credentials are ${VAR} references to environment variables; an existing file is never overwritten."},
    footer = {"", "Example: followthrough init --tracker github"})
final class InitCommand implements Callable<Integer> {
  @Option(names = "--tracker", paramLabel = "TYPE", defaultValue = "jira",
      description = "jira, github or gitlab (default: ${DEFAULT-VALUE}).")
  String tracker;

  @Option(names = "--store", paramLabel = "DIR_OR_URL", defaultValue = ".followthrough",
      description = "A store directory, or a jdbc:postgresql:// URL (default: ${DEFAULT-VALUE}).")
  String store;

  @Option(names = "--file", paramLabel = "FILE", defaultValue = "followthrough.yaml", description = "Where to write (default: ${DEFAULT-VALUE}).")
  Path file;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String section = ConfigTemplates.tracker(tracker).orElseThrow(() -> new CommandFailedException(
        "--tracker: '" + tracker + "' is not one of jira, github, gitlab", FollowthroughCli.BAD_INPUT));
    if (Files.exists(file)) {
      throw new CommandFailedException(file + " exists already; remove it or give --file another name", FollowthroughCli.BAD_INPUT);
    }
    try {
      Files.writeString(file, ConfigTemplates.store(store) + section + ConfigTemplates.policyAndNotify());
    } catch (IOException e) {
      throw new CommandFailedException(file + ": cannot be written (" + e.getMessage() + ")", FollowthroughCli.BAD_INPUT);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Wrote " + file + ". Set the variables it names, then:");
    String config = file.toString().equals("followthrough.yaml") ? "" : " --config " + file;
    out.println("  followthrough doctor" + config);
    out.println("  followthrough plan" + config);
    out.flush();
    return FollowthroughCli.OK;
  }
}
