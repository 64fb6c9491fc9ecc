package dev.followthrough.core.importer;

import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.SourceLines;

/**
 * Inline parsing that hands a block of one line without any inline mark straight over as its
 * text, and everything else to commonmark's own inline parser. That parser sets up its dozen
 * sub-parsers again for every block it is given (each table cell, list item and heading), which
 * cost more than reading such a line; for a line without marks it makes one text node of the
 * line, as this does. {@code MarkdownInlinesTest} compares both over the test documents.
 */
final class PlainLineInlines implements InlineParser {
  /**
   * The characters that start inline syntax for the parser as configured here (core syntax only:
   * the tables extension adds none), a line break, and NUL, which commonmark reads as the end.
   */
  private static final boolean[] MARK = new boolean[128];

  static {
    for (char c : "\\`&<*_[]!\n\0".toCharArray()) {
      MARK[c] = true;
    }
  }

  private final InlineParser full;

  private PlainLineInlines(InlineParser full) {
    this.full = full;
  }

  static InlineParser create(InlineParserContext context) {
    return new PlainLineInlines(new InlineParserImpl(context));
  }

  @Override
  public void parse(SourceLines lines, Node block) {
    if (lines.getLines().size() != 1 || !isPlain(lines.getLines().get(0).getContent())) {
      full.parse(lines, block);
      return;
    }
    Text text = new Text(lines.getLines().get(0).getContent().toString());
    text.setSourceSpans(lines.getSourceSpans());
    block.appendChild(text);
  }

  /** Not empty, no mark, and no blank at the end (commonmark trims one from the last line). */
  static boolean isPlain(CharSequence line) {
    int n = line.length();
    if (n == 0 || line.charAt(n - 1) == ' ' || line.charAt(n - 1) == '\t') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (c < 128 && MARK[c]) {
        return false;
      }
    }
    return true;
  }
}
