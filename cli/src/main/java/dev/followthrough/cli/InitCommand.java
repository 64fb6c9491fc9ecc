package dev.followthrough.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code init}: writes a commented followthrough.yaml whose secrets are {@code ${VAR}} references. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Write a commented followthrough.yaml with no secret in it.",
        "Credentials are ${VAR} references to environment variables; an existing file is never overwritten.",
        "On a terminal, asks for what the flags did not give (tracker, project, store, variable names)."},
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

  @Option(names = "--no-input", description = "Ask nothing, even on a terminal: write the flags and the defaults.")
  boolean noInput;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    picocli.CommandLine.ParseResult given = spec.commandLine().getParseResult();
    if (ConfigTemplates.tracker(tracker).isEmpty()) {
      throw new CommandFailedException("--tracker: '" + tracker + "' is not one of jira, github, gitlab", FollowthroughCli.BAD_INPUT);
    }
    if (Files.exists(file)) {
      throw new CommandFailedException(file + " exists already; remove it or give --file another name", FollowthroughCli.BAD_INPUT);
    }
    PrintWriter out = spec.commandLine().getOut();
    Terminal terminal = Terminal.current();
    Map<String, String> answers = Map.of("tracker", tracker, "store", store);
    if (terminal.interactive() && !noInput) {
      out.println("Answer each question, or press Enter for the default in brackets. Secrets are never asked:");
      out.println("the file names the environment variables that hold them.");
      answers = new InitDialogue(terminal, out).ask(given.hasMatchedOption("--tracker") ? tracker : null,
          given.hasMatchedOption("--store") ? store : null);
    }
    String text = ConfigTemplates.store(answers.get("store"), answers)
        + ConfigTemplates.tracker(answers.get("tracker"), answers).orElseThrow() + ConfigTemplates.policyAndNotify();
    SecretFreeConfig.problem(text).ifPresent(problem -> {
      throw new CommandFailedException(file + " not written: " + problem, FollowthroughCli.BAD_INPUT);
    });
    try {
      Files.writeString(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new CommandFailedException(file + " exists already; remove it or give --file another name", FollowthroughCli.BAD_INPUT);
    } catch (IOException e) {
      throw new CommandFailedException(file + ": cannot be written (" + e.getMessage() + ")", FollowthroughCli.BAD_INPUT);
    }
    out.println("Wrote " + file + ". Set the variables it names, then:");
    String config = file.toString().equals("followthrough.yaml") ? "" : " --config " + file;
    out.println("  followthrough doctor" + config);
    out.println("  followthrough plan" + config);
    out.flush();
    return FollowthroughCli.OK;
  }
}
