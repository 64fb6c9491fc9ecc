package dev.followthrough.core;

import java.util.Optional;

/** A document could not be read: it names the file and, where known, the line. */
public class DocumentException extends FollowthroughException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  /**
   * @param file the path as the user gave it
   * @param line 1-based line number, or 0 when the problem concerns the whole file
   */
  public DocumentException(String file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public Optional<Integer> line() {
    return line > 0 ? Optional.of(line) : Optional.empty();
  }
}
