package dev.followthrough.cli;

import dev.followthrough.core.FollowthroughException;
import dev.followthrough.core.store.StoreLockedException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code followthrough} command: entry point and error handling shared by all commands. */
@Command(
    name = "followthrough",
    mixinStandardHelpOptions = true,
    versionProvider = FollowthroughCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Keeps the action items of incident postmortems from falling through the cracks:",
      "imports postmortems, stores their action items and reports what is overdue.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 some work failed, 2 bad input or usage.",
      "Run 'followthrough COMMAND --help' for a command's options."
    })
public final class FollowthroughCli implements Runnable {
  public static final int OK = 0;
  public static final int WORK_FAILED = 1;
  public static final int BAD_INPUT = 2;

  /** The commands, in the order the help lists them. */
  static final List<Class<?>> COMMANDS = List.of(
      ParseCommand.class,
      LintCommand.class,
      ImportCommand.class,
      ListCommand.class,
      ReportCommand.class,
      PlanCommand.class,
      SyncCommand.class,
      ScheduleCommand.class,
      ServeCommand.class,
      UnlinkCommand.class,
      VerifyCommand.class,
      RecurrencesCommand.class,
      RecurrenceCommand.class,
      StoreCommand.class,
      CompletionCommand.class,
      DoctorCommand.class,
      InitCommand.class,
      CommandLine.HelpCommand.class);

  /** Commands that work on the whole command tree, so every command must be added for them. */
  private static final Set<Class<?>> NEED_EVERY_COMMAND = Set.of(CompletionCommand.class, CommandLine.HelpCommand.class);

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces and debug logging.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    configureLogging(args);
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the tool in this JVM with the given streams and returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new FollowthroughCli());
    // Picocli reads a command's options by reflection when the command is added: for all of them,
    // about a third of the start of a run. A run of one command adds that one only; anything else
    // (help, a typo to suggest against, --version) gets them all.
    String first = args.length > 0 ? args[0] : "";
    List<Class<?>> named = COMMANDS.stream().filter(c -> !NEED_EVERY_COMMAND.contains(c))
        .filter(c -> c.getAnnotation(Command.class).name().equals(first)).toList();
    (named.isEmpty() ? COMMANDS : named).forEach(cli::addSubcommand);
    cli.setOut(out);
    cli.setErr(err);
    cli.registerConverter(java.time.LocalDate.class, new DateConverter());
    cli.setParameterExceptionHandler(FollowthroughCli::usageError);
    cli.setExecutionExceptionHandler(FollowthroughCli::failure);
    return cli.execute(args);
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    // picocli says "Invalid value for option '--as-of': …"; the option and the reason are enough.
    String message = e.getMessage().replaceFirst("^Invalid value for (?:option |positional parameter at index \\d+ \\()?'?([^':]+?)'?\\)?: ", "$1: ");
    err.println("followthrough: " + OptionMessages.plain(message));
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String typed = unmatched.getUnmatched().get(0);
      List<String> near = Suggestions.near(typed, typed.startsWith("-")
          ? cmd.getCommandSpec().optionsMap().keySet() : cmd.getSubcommands().keySet());
      if (!near.isEmpty()) {
        err.println("Did you mean: " + String.join(" or ", near) + "?");
      }
    }
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    return BAD_INPUT;
  }

  private static int failure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    boolean debug = parsed.matchedOption("--debug") != null
        || (parsed.subcommand() != null && parsed.subcommand().matchedOption("--debug") != null);
    if (e instanceof CommandFailedException failed) {
      err.println("followthrough: " + failed.getMessage());
      return failed.exitCode();
    }
    if (e instanceof StoreLockedException || e instanceof dev.followthrough.core.sync.SyncInProgressException
        || e instanceof dev.followthrough.core.tracker.TrackerException
        || e instanceof dev.followthrough.core.sync.TimeBudgetExceededException) {
      err.println("followthrough: " + e.getMessage());
      return WORK_FAILED;
    }
    if (e instanceof FollowthroughException) {
      err.println("followthrough: " + e.getMessage());
      if (debug) {
        e.printStackTrace(err);
      }
      return BAD_INPUT;
    }
    err.println("followthrough: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
    if (debug) {
      e.printStackTrace(err);
    }
    return WORK_FAILED;
  }

  /** slf4j-simple reads its settings once, so they must be set before the first logger exists. */
  private static void configureLogging(String[] args) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.showLogName", debug ? "true" : "false");
    System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
    // github-api logs through java.util.logging; its retry notices are noise on a terminal. The
    // JDK's own loggers stay at WARNING even with --debug: at finer levels they print HTTP details.
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    for (java.util.logging.Handler handler : root.getHandlers()) {
      handler.setLevel(debug ? java.util.logging.Level.FINE : java.util.logging.Level.WARNING);
    }
    if (debug) {
      java.util.logging.Logger.getLogger("org.kohsuke.github").setLevel(java.util.logging.Level.FINE);
    }
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = FollowthroughCli.class.getPackage().getImplementationVersion();
      return new String[] {"followthrough " + (v == null ? "(development build)" : v),
          "Java " + System.getProperty("java.version")};
    }
  }
}
