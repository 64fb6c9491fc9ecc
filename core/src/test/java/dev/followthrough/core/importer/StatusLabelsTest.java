package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import org.junit.jupiter.api.Test;

/** Items written as paragraphs that open with what they are: an action point, DONE, TODO, DOING. */
class StatusLabelsTest {
  @Test
  void labelledParagraphsAreItemsWithTheStatusTheirLabelSays() {
    Postmortem p = md("""
        # Storage outage

        Date: 2024-02-01

        ## Follow-up

        Action point: add an alert on the disk fill rate.

        This has been done.

        Action point: document the failover steps.

        **DONE**: rotate the credentials of the backup user

        **TODO** move the backups to a second region

        **DOING**: review the retention policy
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("add an alert on the disk fill rate",
        "document the failover steps", "rotate the credentials of the backup user", "move the backups to a second region",
        "review the retention policy");
    assertThat(p.actionItems()).extracting(ActionItem::status).containsExactly(ItemStatus.DONE, ItemStatus.OPEN,
        ItemStatus.DONE, ItemStatus.OPEN, ItemStatus.IN_PROGRESS);
  }

  @Test
  void aSentenceThatOpensWithALabelWordIsNoLabel() {
    assertThat(StatusLabels.of("Doing so would have caught the full disk earlier.")).isEmpty();
    assertThat(StatusLabels.of("Action items should directly address the lessons learned")).isEmpty();
    assertThat(StatusLabels.of("Done: rotate the keys")).isPresent();
  }
}
