package dev.followthrough.core.importer;

import java.util.List;

/**
 * A document reduced to what the importer needs, whatever its format: a title and sections of
 * lines, list items and tables, each with its line number.
 */
record Outline(String title, int titleLine, List<Section> sections) {

  /** A part of the document under one heading; the first may have no heading (the preamble). */
  record Section(String heading, int line, List<Node> nodes) {}

  sealed interface Node permits TextLine, Bullet, Table, Blank, SubHeading {
    int line();
  }

  /** A line of a paragraph or of a plain-text document. */
  record TextLine(int line, String text, int indent) implements Node {}

  /**
   * A list item.
   *
   * @param checked {@code null} for a plain item, else whether its task-list box is ticked
   * @param children continuation lines and nested items
   */
  record Bullet(int line, String text, Boolean checked, List<Node> children) implements Node {}

  record Table(int line, List<String> header, List<Row> rows) implements Node {}

  record Row(int line, List<String> cells) {}

  /**
   * A heading inside a section that does not start a section of its own: a time ({@code ### 4:19})
   * in a timeline, a group ({@code ### Process}) in a list of action items.
   */
  record SubHeading(int line, String text) implements Node {}

  /** A paragraph break: it ends a group of lines. */
  record Blank(int line) implements Node {}
}
