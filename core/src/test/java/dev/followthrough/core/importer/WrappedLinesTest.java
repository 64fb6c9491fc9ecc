package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static dev.followthrough.core.importer.Parsing.txt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pattern 6: a sentence continued on the next line stays one item or entry. */
class WrappedLinesTest {
  @Test
  void wrappedListItemIsOneItem() {
    Postmortem p = md("""
        # Disk full

        ## Action items

        1. Write end-to-end checks that prove a deployment worked before it is marked
           green, and run them on every deploy.
        2. Expire old artifacts.
        """);
    assertThat(p.actionItems()).extracting("title").containsExactly(
        "Write end-to-end checks that prove a deployment worked before it is marked green, and run them on every deploy",
        "Expire old artifacts");
  }

  @Test
  void wrappedTimelineEntryIsOneEntry() {
    Postmortem p = txt("""
        Summary:
        On 2021-02-03 builds failed.
        Timeline:
        10:00 - The build cache disk reached its limit and every build step that wrote to it
        started to fail with an error.
        10:30 - Old artifacts were deleted.
        """);
    assertThat(p.timeline()).hasSize(2);
    assertThat(p.timeline().get(0).text()).endsWith("started to fail with an error.");
  }

  @Test
  void shortLinesAndNewSentencesAreNotJoined() {
    assertThat(LineJoin.join(List.of("Add monitoring.", "Add tests.", "Owner: erin"))).hasSize(3);
    assertThat(LineJoin.join(List.of("10:00 - alert", "10:05 - page"))).hasSize(2);
  }
}
