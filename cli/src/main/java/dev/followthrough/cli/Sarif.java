package dev.followthrough.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.quality.QualityRule;
import java.util.List;

/** Lint findings as a SARIF 2.1.0 log, which code hosts show on the pull request. */
final class Sarif {
  private Sarif() {}

  static ObjectNode log(List<LintCommand.Located> found) {
    ObjectNode root = JsonFormat.json().object();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json").put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "followthrough").put("informationUri", "https://github.com/followthrough");
    ArrayNode rules = driver.putArray("rules");
    for (QualityRule rule : QualityRule.values()) {
      rules.addObject().put("id", rule.id()).putObject("shortDescription").put("text", "Action item quality: " + rule.id());
    }
    ArrayNode results = run.putArray("results");
    for (LintCommand.Located l : found) {
      ObjectNode result = results.addObject();
      result.put("ruleId", l.finding().rule().id())
          .put("level", l.finding().level() == QualityRule.Level.ERROR ? "error" : "warning");
      result.putObject("message").put("text", l.finding().why() + " " + l.finding().fix());
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", l.file().replace('\\', '/'));
      physical.putObject("region").put("startLine", l.finding().line() == null ? 1 : Math.max(1, l.finding().line()));
    }
    return root;
  }
}
