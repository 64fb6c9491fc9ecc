package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.md;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import org.junit.jupiter.api.Test;

/** Owners, tags and issue numbers written before an item's title, and task boxes as teams tick them. */
class LeadingTagsTest {
  @Test
  void anOwnerInBracketsBeforeTheTitleOwnsTheItem() {
    Postmortem p = md("""
        # Tree closure

        ## Action items

        * [jhford] Try setting up a second builder pool
        - [ ] (tc team) add heartbeat monitoring to workers
        - [ ] [garndt?] Check the provisioner logs daily
        - [ ] (optional) Rotate the worker images weekly
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("Try setting up a second builder pool",
        "add heartbeat monitoring to workers", "Check the provisioner logs daily", "(optional) Rotate the worker images weekly");
    assertThat(p.actionItems()).extracting(ActionItem::owner).containsExactly("jhford", "tc team", "garndt", null);
  }

  @Test
  void anIssuePrefixOrATagIsNotTheTitle() {
    Postmortem p = md("""
        # Worker outage

        ## Action items

        - [x] Bug 1587511 - worker-manager: hard kill instances after 96 hours
        - [ ] [[Proposal](https://example.com/p/12)] Split the provisioner from the queue
        """);
    ActionItem kill = p.actionItems().get(0);
    assertThat(kill.title()).isEqualTo("worker-manager: hard kill instances after 96 hours");
    assertThat(kill.description()).contains("Bug 1587511");
    assertThat(kill.status()).isEqualTo(ItemStatus.DONE);
    assertThat(p.actionItems().get(1).title()).isEqualTo("Split the provisioner from the queue");
    assertThat(p.actionItems().get(1).owner()).isNull();
  }

  @Test
  void everyOwnerOfATableCellIsKeptTheFirstOwnsIt() {
    Postmortem p = md("""
        # Queue outage

        ## Action items

        | Action | Owner | Status |
        |---|---|---|
        | Move the queue to the new cluster | charles,olivier,stephane | DOING |
        | Retry the failed migration | dana | FAILED |
        """);
    ActionItem move = p.actionItems().get(0);
    assertThat(move.owner()).isEqualTo("charles");
    assertThat(move.description()).contains("olivier", "stephane");
    assertThat(move.status()).isEqualTo(ItemStatus.IN_PROGRESS);
    assertThat(p.actionItems().get(1).status()).isEqualTo(ItemStatus.OPEN);
  }

  @Test
  void aStarInTheBoxIsTicked() {
    Postmortem p = md("""
        # Storage outage

        ## Action items

        - [*] Pin the driver version
        - [ ] Alert on the disk fill rate
        """);
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("Pin the driver version", "Alert on the disk fill rate");
    assertThat(p.actionItems()).extracting(ActionItem::status).containsExactly(ItemStatus.DONE, ItemStatus.OPEN);
  }
}
