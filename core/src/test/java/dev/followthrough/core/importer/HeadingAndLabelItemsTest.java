package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Items as teams write them outside a plain list: numbered headings over a paragraph each,
 * numbered lessons that commit the team when there is no action list, and "Actions planned:" /
 * "Actions taken:" labels under each finding.
 */
class HeadingAndLabelItemsTest {
  private static final String HEADED_ACTIONS = """
      # Queue backlog on the mail relay

      ## Resulting actions

      ### 1) Disk alerts `@sam`

      Added alerts for disks over 90 % on every relay.

      ### 2) Backups verified `@kim`

      A nightly restore test on the replica.

      ### 3) TODO Rate limiting

      We need rate limits on the submission port.

      ### 4) Documentation

      None.
      """;

  @Test
  void aHeadingOverAParagraphInAnActionSectionIsAnItemTitledByTheHeading() {
    Postmortem p = md(HEADED_ACTIONS);
    assertThat(titles(p)).containsExactly("Disk alerts", "Backups verified", "Rate limiting");
    assertThat(p.actionItems().get(0).owner()).isEqualTo("sam");
    assertThat(p.actionItems().get(0).description()).startsWith("Added alerts for disks");
    assertThat(p.actionItems().get(2).status()).isEqualTo(ItemStatus.OPEN);
  }

  @Test
  void aParagraphThatReportsTheWorkOrATitleEndingInAParticipleMakesTheHeadingItemDone() {
    Postmortem p = md(HEADED_ACTIONS);
    // "Added alerts …" reports the work; "Backups verified" names a thing and what was done to it.
    assertThat(p.actionItems().get(0).status()).isEqualTo(ItemStatus.DONE);
    assertThat(p.actionItems().get(1).status()).isEqualTo(ItemStatus.DONE);
  }

  @Test
  void aTitleThatOpensWithATaskVerbAsksForWorkEvenWhenItEndsInAParticiple() {
    Postmortem p = md("""
        # Queue backlog

        ## Action items

        - Check backups restored
        - Stale certificates rotated
        """);
    assertThat(p.actionItems()).extracting(ActionItem::status).containsExactly(ItemStatus.OPEN, ItemStatus.DONE);
  }

  @Test
  void aHeadingOverAListStaysAGroupAndItsBulletsAreTheItems() {
    Postmortem p = md("""
        # Queue backlog

        ## Action items

        ### Monitoring

        - Add a queue-age alert
        - Page on relay restarts
        """);
    assertThat(titles(p)).containsExactly("Add a queue-age alert", "Page on relay restarts");
  }

  @Test
  void numberedLessonsThatCommitTheTeamAreItemsWhenThereIsNoActionList() {
    Postmortem p = md("""
        # Region failover was slow

        ## Lessons learned

        ### 1. Stagger the rollouts

        The change reached every region at once. Next time we'll roll out one region at a time.

        ### 2. Paging worked

        The pager fired within a minute and the first responder joined at once.

        ### 3. Keep a warm standby

        Failover took forty minutes because the standby was cold. We should keep it warm.
        """);
    assertThat(titles(p)).containsExactly("Stagger the rollouts", "Keep a warm standby");
  }

  @Test
  void numberedLessonsAreNoItemsWhenTheDocumentHasAnActionList() {
    Postmortem p = md("""
        # Region failover was slow

        ## Lessons learned

        ### 1. Stagger the rollouts

        Next time we'll roll out one region at a time.

        ### 2. Keep a warm standby

        We should keep it warm.

        ## Action items

        - Script the regional rollout
        """);
    assertThat(titles(p)).containsExactly("Script the regional rollout");
  }

  @Test
  void actionsPlannedAndTakenLabelsUnderAFindingGiveOpenAndDoneItems() {
    Postmortem p = md("""
        # Leaked token

        ## Lessons learned

        ### Reporting channel

        The report sat in a mailbox nobody read for a day.

        **Actions taken:**

        - Moved the security address to the on-call rota

        **Actions planned:**

        - Add an acknowledgement reply to every report

        ### Alerting

        Nothing alerted on the leak.

        **Action planned:** We will alert on tokens used from new networks.

        Action point: rotate every deploy token.
        - This has been done.
        """);
    assertThat(titles(p)).containsExactly("Moved the security address to the on-call rota",
        "Add an acknowledgement reply to every report", "We will alert on tokens used from new networks",
        "rotate every deploy token");
    assertThat(p.actionItems()).extracting(ActionItem::status)
        .containsExactly(ItemStatus.DONE, ItemStatus.OPEN, ItemStatus.OPEN, ItemStatus.DONE);
  }

  @Test
  void anInlineActionTakenLabelReportsItsTextDone() {
    Postmortem p = md("""
        # Leaked token

        ## Disclosure

        We had no written process.

        **Action taken:** The disclosure process now lives in the security policy.
        """);
    assertThat(titles(p)).containsExactly("The disclosure process now lives in the security policy");
    assertThat(p.actionItems().get(0).status()).isEqualTo(ItemStatus.DONE);
  }

  @Test
  void anActionsTakenHeadingTellsTheResponseAndGivesNoItems() {
    Postmortem p = md("""
        # Leaked token

        ## Actions taken

        We revoked the token and locked the account within the hour.

        ## Follow-ups

        - Add secret scanning to the pipeline
        """);
    assertThat(titles(p)).containsExactly("Add secret scanning to the pipeline");
  }

  @Test
  void weveReportsWorkDoneAsWeHaveDoes() {
    Postmortem p = md("""
        # Leaked token

        ## Action items

        - We've enabled secret scanning on every repository
        """);
    assertThat(p.actionItems().get(0).status()).isEqualTo(ItemStatus.DONE);
  }

  private static List<String> titles(Postmortem p) {
    return p.actionItems().stream().map(ActionItem::title).toList();
  }
}
