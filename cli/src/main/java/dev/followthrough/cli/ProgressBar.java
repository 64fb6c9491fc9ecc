package dev.followthrough.cli;

import java.util.Map;

/**
 * A one-line progress bar for a person at a terminal, redrawn in place with a carriage return.
 * Shown only when stderr is a terminal and neither {@code NO_COLOR} is set nor the terminal is
 * {@code dumb} (both ask for plain output); logs and pipes keep the line progress.
 */
final class ProgressBar {
  static final int WIDTH = 30;

  private ProgressBar() {}

  /** Whether to draw: apart from the real terminal, so that tests can cover the decision. */
  static boolean wanted(boolean terminal, Map<String, String> environment) {
    return Colours.decide(terminal, environment);
  }

  /** {@code \r[#########.....] 12/40 changes}, the same width whatever the counts. */
  static String render(int done, int total, String what) {
    int shown = total <= 0 ? WIDTH : (int) ((long) Math.min(done, total) * WIDTH / total);
    return "\r[" + "#".repeat(shown) + ".".repeat(WIDTH - shown) + "] " + done + "/" + total + " " + what;
  }
}
