package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import org.junit.jupiter.api.Test;

/** Follow-ups written as observations with a note in brackets on what became of them. */
class ResolutionNotesTest {
  @Test
  void theObservationIsTheItemAndItsNoteSaysWhetherItIsDone() {
    Postmortem p = md("""
        # Build cache outage

        ## Follow-up

        The cache alert should page the build team as well. Today it mails one person. (filed https://example.com/issues/12)

        The cache health check looks at the old host name, which redirects. (fixed by checking the new host directly)

        It would be useful to have a runbook for clearing the cache. (added a runbook to the team wiki)
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly(
        "The cache alert should page the build team as well",
        "The cache health check looks at the old host name, which redirects",
        "It would be useful to have a runbook for clearing the cache");
    assertThat(p.actionItems()).extracting(ActionItem::status)
        .containsExactly(ItemStatus.OPEN, ItemStatus.DONE, ItemStatus.DONE);
  }
}
