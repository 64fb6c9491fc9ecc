package dev.followthrough.cli;

import dev.followthrough.core.importer.ParseResult;
import dev.followthrough.core.importer.PostmortemImporter;
import dev.followthrough.core.json.JsonFormat;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parse FILE}: prints one document as written, storing nothing. */
@Command(footer = {"", "Example: followthrough parse postmortems/2025-05-03-webhooks.md --format text --lines"}, 
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parse one postmortem and print it; nothing is stored.",
      "The due-date policy is not applied."
    })
final class ParseCommand implements Callable<Integer> {
  enum Format { json, text }

  @Parameters(paramLabel = "FILE", description = "A Markdown, HTML or plain-text postmortem.")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "json or text (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--lines", description = "Text format: show the source line of each timeline entry and action item.")
  boolean lines;

  @Option(names = "--explain", description = {
      "Add INFO diagnostics saying which rule took each line, and which lines looked like an action",
      "or a time but were not taken (implies --lines)."})
  boolean explain;

  @Option(names = "--config", paramLabel = "FILE", description = {
      "Configuration file whose lint: section sets the level of each quality finding (default:",
      "followthrough.yaml when present)."})
  Path config;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ConfigOptions options = new ConfigOptions();
    options.config = config;
    PostmortemImporter importer = PostmortemImporter.create().withLint(options.config().lint());
    importer = explain ? importer.explaining() : importer;
    ParseResult result = importer.parse(file);
    var out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.print(JsonFormat.json().write(result));
    } else {
      out.print(new PostmortemText(lines || explain).render(result));
    }
    out.flush();
    return FollowthroughCli.OK;
  }
}
