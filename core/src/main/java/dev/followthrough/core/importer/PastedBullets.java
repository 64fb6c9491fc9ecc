package dev.followthrough.core.importer;

/**
 * Lists pasted from a word processor: each item is a bullet glyph, a tab and the text ({@code
 * •\tText}), the level told by the glyph rather than by indentation ({@code o\t} and {@code ◦\t}
 * one level down, {@code §\t} and {@code ▪\t} two). Such lines are rewritten as indented bullets,
 * so the plain-text reader nests them as it nests any list.
 */
final class PastedBullets {
  private static final String LEVEL_ONE = "•·●-*";
  private static final String LEVEL_TWO = "o◦○";
  private static final String LEVEL_THREE = "§▪■";

  private PastedBullets() {}

  /**
   * Rewrites the pasted bullets among {@code lines} in place.
   *
   * @return for each line, whether it was a pasted top-level bullet (which may title a section)
   */
  static boolean[] rewrite(String[] lines) {
    boolean[] top = new boolean[lines.length];
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int start = PlainTextOutlineReader.indentOf(line) == 0 ? 0 : firstNonSpace(line);
      // The tab right after the glyph is the tell: nobody types "o<TAB>" in a sentence.
      if (start + 1 >= line.length() || line.charAt(start + 1) != '\t') {
        continue;
      }
      char glyph = line.charAt(start);
      int level = LEVEL_ONE.indexOf(glyph) >= 0 ? 0 : LEVEL_TWO.indexOf(glyph) >= 0 ? 1
          : LEVEL_THREE.indexOf(glyph) >= 0 ? 2 : -1;
      if (level < 0) {
        continue;
      }
      lines[i] = "    ".repeat(level) + "- " + line.substring(start + 2).strip();
      top[i] = level == 0;
    }
    return top;
  }

  private static int firstNonSpace(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }
}
