package dev.followthrough.core.importer;

import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.Postmortem;
import java.util.List;

/** Parses documents written inside a test. */
final class Parsing {
  private Parsing() {}

  static ParseResult markdown(String text) {
    return PostmortemImporter.create().parse(text, "test.md");
  }

  static ParseResult plain(String text) {
    return PostmortemImporter.create().parse(text, "test.txt");
  }

  static Postmortem md(String text) {
    return markdown(text).postmortem();
  }

  static Postmortem txt(String text) {
    return plain(text).postmortem();
  }

  static List<String> messages(ParseResult result) {
    return result.diagnostics().stream().map(d -> d.line() + ": " + d.message()).toList();
  }

  static List<Diagnostic> at(ParseResult result, int line) {
    return result.diagnostics().stream().filter(d -> d.line() == line).toList();
  }
}
