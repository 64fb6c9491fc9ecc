package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Pattern 2: items marked done in their text, not only with [x] or a Status column. */
class DoneMarkersTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "Page the database team on replica lag (DONE)",
    "Page the database team on replica lag **(Done during this incident)**",
    "Page the database team on replica lag (done)",
    "Page the database team on replica lag (Completed.)",
    "Page the database team on replica lag (fixed in #123)",
    "~~Page the database team on replica lag~~",
    "✅ Page the database team on replica lag",
    "Page the database team on replica lag ✅",
    "Page the database team on replica lag. DONE in [PR #88](https://example.com/pr/88)",
    "Page the database team on replica lag; Completed as of 2024-03-02",
  })
  void markerMeansDoneAndLeavesTheTitle(String line) {
    Postmortem p = md("# Lag\n\n## Action items\n\n- " + line + "\n- Write the failover runbook\n");
    ActionItem item = p.actionItems().get(0);
    assertThat(item.title()).isEqualTo("Page the database team on replica lag");
    assertThat(item.status()).isEqualTo(ItemStatus.DONE);
    assertThat(p.actionItems().get(1).status()).isEqualTo(ItemStatus.OPEN);
  }

  @Test
  void aClosingClauseAboutWorkNotDoneIsNoMarker() {
    Postmortem p = md("# Lag\n\n## Action items\n\n- Page the database team on replica lag. PR exists\n"
        + "- Check that the export is done before midnight\n");
    assertThat(p.actionItems()).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.OPEN));
  }

  @Test
  void theWordDoneInsideATitleIsNoMarker() {
    Postmortem p = md("# Lag\n\n## Action items\n\n- Define what done means for failover drills\n");
    assertThat(p.actionItems().get(0).status()).isEqualTo(ItemStatus.OPEN);
  }
}
