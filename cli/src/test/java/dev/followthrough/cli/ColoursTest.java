package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.tracker.Check;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Colour only at a terminal, never with NO_COLOR (any value) or a dumb terminal. */
class ColoursTest {
  @Test
  void colourOnlyAtATerminalWithoutNoColor() {
    assertThat(Colours.decide(true, Map.of())).isTrue();
    assertThat(Colours.decide(false, Map.of())).isFalse();
    assertThat(Colours.decide(true, Map.of("NO_COLOR", ""))).isFalse();
    assertThat(Colours.decide(true, Map.of("NO_COLOR", "1"))).isFalse();
    assertThat(Colours.decide(true, Map.of("TERM", "dumb"))).isFalse();
  }

  @Test
  void doctorLinesArePlainWithoutColour() {
    Check problem = Check.problem("store", "not writable", "give another directory");
    assertThat(DoctorCommand.render(problem, new Colours(false))).isEqualTo("problem  store: not writable\n         fix: give another directory");
    assertThat(DoctorCommand.render(problem, new Colours(true))).startsWith("\u001b[31mproblem\u001b[0m");
  }
}
