package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import org.junit.jupiter.api.Test;

/** Action items written only as paragraphs: the sentences that promise work are the items. */
class ProseCommitmentsTest {
  @Test
  void promisesInParagraphsAreItemsAndTheirContextIsNot() {
    Postmortem p = md("""
        # Mail queue outage

        ## Next steps

        No single sender should have been able to fill the queue on its own. We will add a
        per-sender quota to the submission service.

        We are also looking into a second relay for bulk mail. We will publish a sending policy
        for bulk senders. We will be settling the limits of this policy with the support team.

        If you think a limit is wrong, please write to the mail team.
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly(
        "We will add a per-sender quota to the submission service",
        "We are also looking into a second relay for bulk mail",
        "We will publish a sending policy for bulk senders");
  }

  @Test
  void goingForwardOpensAPromiseAndAFollowUpOnItsIdeaIsNone() {
    Postmortem p = md("""
        # Docs site down

        ## Corrective and Preventative Measures

        Going forward the web team is going to move the docs site to a managed host.
        The ideal setup would fail over to a static copy when a deploy breaks.
        The web team is working to build this setup over the next month.
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title)
        .containsExactly("Going forward the web team is going to move the docs site to a managed host");
  }

  @Test
  void workUnderWayAndConsequencesAreToldApart() {
    assertThat(Commitments.isCommitment("All API keys are being rotated.")).isTrue();
    assertThat(Commitments.isCommitment("Splitting the build farm by trust level is under way.")).isTrue();
    assertThat(Commitments.isCommitment("The ops team plans to run a restore drill every quarter.")).isTrue();
    assertThat(Commitments.isCommitment("This will make future restores much faster.")).isFalse();
    assertThat(Commitments.isCommitment("It should not have been possible to delete the bucket.")).isFalse();
    assertThat(Commitments.isCommitment("The old alerts would have caught this earlier.")).isFalse();
    assertThat(Commitments.isCommitment("However busy a node is, it will always serve reads first.")).isFalse();
  }

  @Test
  void withoutAnActionSectionTheResolutionsPromisesAreTheItems() {
    Postmortem p = md("""
        # Build hosts compromised

        ## Summary

        A fork's workflow ran on our build hosts.

        ## Resolution and recovery

        The hosts were taken offline the same day.

        All signing keys are being rotated. The security team plans to run a review of every
        workflow with access to secrets. Once rebuilt, a host is wiped after each job, so it will always start clean.
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly(
        "All signing keys are being rotated",
        "The security team plans to run a review of every workflow with access to secrets");
  }

  @Test
  void aResolutionsPromisesAreNoItemsWhenTheDocumentHasAnActionSection() {
    Postmortem p = md("""
        # Build hosts compromised

        ## Resolution

        All signing keys are being rotated.

        ## Action items

        - Review every workflow with access to secrets
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("Review every workflow with access to secrets");
  }

  @Test
  void namedLinesInASectionWithAClosingParagraphStayItems() {
    Postmortem p = md("""
        # Login outage

        ## Follow-up actions

        Rotate Keys: Rotate the signing keys on every host.

        Alert On Failures: Page on-call when logins fail for five minutes.

        By carrying out these actions, we will make logins far more dependable for everyone.
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("Rotate Keys", "Alert On Failures");
  }
}
