package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import org.junit.jupiter.api.Test;

/** Actions given on a label's own line, and fixes listed under "Immediate fixes". */
class LabelledActionsTest {
  @Test
  void aReviewActionsLabelWithItsTextInlineInAListOfLabelsIsATasksSection() {
    Postmortem p = md("""
        # Image pulls failing

        - **Time to repair**: 1h 10m
        - **Impact**: New pods could not start.
        - **Resolution**: The registry credentials were restored.
        - **Review actions**: As part of the fix, we have moved the nodes to a read-only registry token. (Done)
        """);
    assertThat(p.actionItems()).hasSize(1);
    ActionItem item = p.actionItems().get(0);
    assertThat(item.title()).startsWith("As part of the fix, we have moved the nodes to a read-only registry token");
    assertThat(item.status()).isEqualTo(ItemStatus.DONE);
  }

  @Test
  void aLoneLabelledBulletInAnOrdinaryListStaysAsItIs() {
    Postmortem p = md("""
        # Image pulls failing

        ## Action items

        - Follow-up: rotate the registry token
        - Add an alert on image pull errors
        """);
    assertThat(p.actionItems()).hasSize(2);
  }

  @Test
  void anActionItemLineAmongBulletsIsAnItem() {
    Postmortem p = md("""
        # SDK bug

        ## Immediate actions

        - Reverted the breaking change
        - Refunded the affected customers

        **Action item:** Declare incidents earlier. We should declare one as soon as an issue is confirmed. Owner: @sam
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title)
        .containsExactly("Reverted the breaking change", "Refunded the affected customers", "Declare incidents earlier");
    assertThat(p.actionItems().get(2).owner()).isEqualTo("sam");
    assertThat(p.actionItems().get(2).status()).isEqualTo(ItemStatus.OPEN);
  }

  @Test
  void aListOfPromisesInAnUntitledKindOfSectionIsAListOfActions() {
    Postmortem p = md("""
        # DNS outage

        ## Looking back

        The lessons we take from this are as follows:

        - We need to write down how a release commit is picked.
        - Changes that have been tested on staging should reach production one at a time.

        ## What went well

        - We need very little time to roll back.
        - The status page was updated quickly.
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly(
        "We need to write down how a release commit is picked",
        "Changes that have been tested on staging should reach production one at a time");
    assertThat(p.actionItems()).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.OPEN));
  }

  @Test
  void immediateFixesAreCorrectiveMeasures() {
    Postmortem p = md("""
        # Relay outage

        ## Resolving the issue

        **Immediate fixes:**

        - Scale Up Nodes: We quadrupled the capacity of every relay
        - Cleared Logs: Freed disk space by deleting old logs
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("Scale Up Nodes", "Cleared Logs");
  }
}
