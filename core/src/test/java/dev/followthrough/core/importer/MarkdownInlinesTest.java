package dev.followthrough.core.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainLineInlines} hands plain lines over without commonmark's inline parser: the trees
 * must be the ones that parser builds, for every document the tests read and for lines on the
 * edge of plain (a mark, a trailing blank, several lines).
 */
class MarkdownInlinesTest {
  private static final Parser PLAIN_LINES_FIRST = MarkdownOutlineReader.parser(true);
  private static final Parser COMMONMARK = MarkdownOutlineReader.parser(false);

  @Test
  void plainLinesParseAsCommonmarkParsesThem() throws IOException {
    List<Path> documents;
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/test/resources")), Files.walk(GoldenSamplesTest.SAMPLES))) {
      documents = files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(documents).hasSizeGreaterThan(40);
    for (Path document : documents) {
      String text = Files.readString(document, StandardCharsets.UTF_8);
      assertThat(tree(PLAIN_LINES_FIRST.parse(text))).as(document.toString()).isEqualTo(tree(COMMONMARK.parse(text)));
    }
  }

  @Test
  void linesOnTheEdgeOfPlainParseAsCommonmarkParsesThem() {
    String text = """
        # Title with trailing blanks\t\s\s
        - plain item
        - item with *emphasis* and `code` and a [link](https://example.com)
        - item with a trailing blank\s
        - item & entity &amp; <b>html</b> and \\\\ backslash! ![image](x.png)
        - item_with_underscores and a hard\s\s
          break and a soft
          break

        | Action | Owner |
        |---|---|
        | Add alert on queue age | @erin |
        |  padded cell  | **bold** |
        | | empty cell |

        Plain paragraph line.
        Second line of the same paragraph.
        """;
    assertThat(tree(PLAIN_LINES_FIRST.parse(text))).isEqualTo(tree(COMMONMARK.parse(text)));
    assertThat(PlainLineInlines.isPlain("Add alert on queue age")).isTrue();
    assertThat(PlainLineInlines.isPlain("ends in a blank ")).isFalse();
    assertThat(PlainLineInlines.isPlain("has a *mark*")).isFalse();
  }

  /** Each node's type, literal and source spans, indented by depth. */
  private static String tree(Node root) {
    StringBuilder out = new StringBuilder();
    append(root, 0, out);
    return out.toString();
  }

  private static void append(Node node, int depth, StringBuilder out) {
    out.append("  ".repeat(depth)).append(node.getClass().getSimpleName());
    if (node instanceof Text t) {
      out.append(" '").append(t.getLiteral()).append('\'');
    }
    out.append(' ').append(node.getSourceSpans()).append(' ').append(node).append('\n');
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      append(child, depth + 1, out);
    }
  }
}
