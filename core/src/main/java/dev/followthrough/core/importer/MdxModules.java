package dev.followthrough.core.importer;

import java.util.regex.Pattern;

/**
 * MDX pages open with JavaScript ("import … from", "export const post = {…}"): code, not
 * postmortem text. Each such block is blanked line for line, so line numbers stay true.
 */
final class MdxModules {
  private static final Pattern ESM = Pattern.compile("^(?:import|export)\\s");

  private MdxModules() {}

  static String blank(String text) {
    if (!text.startsWith("import ") && !text.startsWith("export ") && !text.contains("\nimport ")
        && !text.contains("\nexport ")) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    boolean inBlock = false;
    boolean blockStart = true;
    boolean fenced = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
      }
      if (line.isBlank()) {
        inBlock = false;
        blockStart = true;
      } else if (blockStart && !fenced && ESM.matcher(line).find()) {
        inBlock = true;
        blockStart = false;
      } else {
        blockStart = false;
      }
      out.append(inBlock ? "" : line);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
