package dev.followthrough.cli;

import java.io.PrintWriter;

/**
 * The progress bar of an import of more than one document, on stderr and only where
 * {@link Terminal#progressBar()} allows it. Before any other line is printed the bar is wiped, and
 * it is drawn again below that line, so that the lines read as they would without it.
 */
final class ImportProgress {
  private final PrintWriter err;
  private final boolean bar;
  private final int total;
  private int done;
  private boolean drawn;

  ImportProgress(PrintWriter err, boolean terminal, int total) {
    this.err = err;
    this.bar = terminal && total > 1;
    this.total = total;
  }

  /** Call before printing a line on stdout or stderr. */
  void beforeLine() {
    if (drawn) {
      String shown = ProgressBar.render(done, total, "documents");
      err.print("\r" + " ".repeat(shown.length() - 1) + "\r");
      err.flush();
      drawn = false;
    }
  }

  /** One more document read (imported or not). */
  void documentDone() {
    done++;
    if (bar) {
      err.print(ProgressBar.render(done, total, "documents"));
      if (done == total) {
        err.println();
      } else {
        drawn = true;
      }
      err.flush();
    }
  }
}
