package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sync progress bar: its drawing, and that only a terminal asking for it gets one. */
class ProgressBarTest {
  @Test
  void theBarFillsInProportionAndKeepsItsWidth() {
    assertThat(ProgressBar.render(0, 40, "changes")).isEqualTo("\r[" + ".".repeat(30) + "] 0/40 changes");
    assertThat(ProgressBar.render(20, 40, "changes")).isEqualTo("\r[" + "#".repeat(15) + ".".repeat(15) + "] 20/40 changes");
    assertThat(ProgressBar.render(40, 40, "changes")).isEqualTo("\r[" + "#".repeat(30) + "] 40/40 changes");
    assertThat(ProgressBar.render(0, 0, "changes")).startsWith("\r[" + "#".repeat(30) + "]");
  }

  @Test
  void onlyATerminalThatDoesNotAskForPlainOutputGetsABar() {
    assertThat(ProgressBar.wanted(true, Map.of("TERM", "xterm-256color"))).isTrue();
    assertThat(ProgressBar.wanted(false, Map.of("TERM", "xterm-256color"))).isFalse();
    assertThat(ProgressBar.wanted(true, Map.of("NO_COLOR", ""))).isFalse();
    assertThat(ProgressBar.wanted(true, Map.of("TERM", "dumb"))).isFalse();
  }

  private static String progress(boolean bar, int total) {
    StringWriter out = new StringWriter();
    ProgressPrinter printer = new ProgressPrinter(new PrintWriter(out), bar);
    for (int done = 1; done <= total; done++) {
      printer.actionFinished(null, done, total, null);
    }
    return out.toString();
  }

  @Test
  void aNonTerminalGetsTheLinesAndNoBar() {
    String lines = progress(false, 120);
    assertThat(lines).doesNotContain("\r").doesNotContain("[#").contains("followthrough: 50/120 done\n", "followthrough: 120/120 done\n");
  }

  @Test
  void aTerminalGetsTheBarRedrawnInPlaceAndEndedWithANewLine() {
    String drawn = progress(true, 4);
    assertThat(drawn).isEqualTo(ProgressBar.render(1, 4, "changes") + ProgressBar.render(2, 4, "changes")
        + ProgressBar.render(3, 4, "changes") + ProgressBar.render(4, 4, "changes") + System.lineSeparator());
  }
}
