package dev.followthrough.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.importer.ParseResult;
import dev.followthrough.core.importer.PostmortemImporter;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.quality.QualityChecker;
import dev.followthrough.core.quality.QualityFinding;
import dev.followthrough.core.quality.QualityRule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lint PATH...}: the quality findings of postmortem documents, for people and for CI. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {"Check action items for vague, unbounded or unowned work.",
      "Exit 0 when clean, 1 with findings at or above --fail-on, 2 for bad input.",
      "Example: followthrough lint postmortems/ --format github --fail-on warning"})
final class LintCommand implements Callable<Integer> {
  enum Format { text, json, github, sarif }

  enum Threshold { warning, error }

  record Located(String file, QualityFinding finding) {}

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Postmortem documents or folders of them.")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json, github (workflow annotations) or sarif (SARIF 2.1.0) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
      description = "warning or error: the level at which findings make the exit code 1 (default: ${DEFAULT-VALUE}).")
  Threshold failOn;

  @picocli.CommandLine.Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file whose lint: section sets rule levels and teams (default: followthrough.yaml when present).")
  Path config;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PostmortemImporter importer = PostmortemImporter.create();
    ConfigOptions options = new ConfigOptions();
    options.config = config;
    QualityChecker checker = QualityChecker.of(options.config().lint());
    List<Located> found = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : importer.documents(path)) {
        ParseResult parsed = importer.parse(file);
        checker.check(parsed.postmortem()).forEach(f -> found.add(new Located(file.toString(), f)));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case text -> found.forEach(l -> out.println(l.file() + ":" + (l.finding().line() == null ? 0 : l.finding().line())
          + ": " + l.finding().level().name().toLowerCase(java.util.Locale.ROOT) + " " + l.finding().rule().id()
          + (l.finding().itemId() == null ? "" : " [" + l.finding().itemId() + "]") + ": " + l.finding().why()
          + " " + l.finding().fix()));
      case github -> found.forEach(l -> out.println("::" + (l.finding().level() == QualityRule.Level.ERROR ? "error" : "warning")
          + " file=" + escapeProperty(l.file()) + ",line=" + (l.finding().line() == null ? 1 : l.finding().line())
          + ",title=" + escapeProperty(l.finding().rule().id()) + "::" + escapeData(l.finding().why() + " " + l.finding().fix())));
      case json -> out.print(JsonFormat.json().write(json(found)));
      case sarif -> out.print(JsonFormat.json().write(Sarif.log(found)));
    }
    out.flush();
    QualityRule.Level threshold = failOn == Threshold.warning ? QualityRule.Level.WARNING : QualityRule.Level.ERROR;
    return found.stream().anyMatch(l -> l.finding().level().compareTo(threshold) >= 0)
        ? FollowthroughCli.WORK_FAILED : FollowthroughCli.OK;
  }

  private static ObjectNode json(List<Located> found) {
    JsonFormat json = JsonFormat.json();
    ObjectNode root = json.object().put("schemaVersion", JsonFormat.SCHEMA_VERSION);
    ArrayNode findings = root.putArray("findings");
    for (Located l : found) {
      QualityFinding f = l.finding();
      findings.addObject().put("file", l.file()).put("line", f.line()).put("itemId", f.itemId())
          .put("rule", f.rule().id()).put("level", f.level().name().toLowerCase(java.util.Locale.ROOT))
          .put("why", f.why()).put("fix", f.fix());
    }
    return root;
  }

  // GitHub workflow commands: properties escape %, CR, LF, ':' and ','; data escapes %, CR and LF.
  private static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
