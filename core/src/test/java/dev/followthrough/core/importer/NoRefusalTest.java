package dev.followthrough.core.importer;

import static dev.followthrough.core.importer.Parsing.markdown;
import static dev.followthrough.core.importer.Parsing.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.TimelineEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A document with a section heading or an action list is read, whatever else in it cannot be. */
class NoRefusalTest {
  @Test
  void aDocumentWhoseTitleAndFileNameGiveNoWordsIsStillRead() {
    ParseResult r = PostmortemImporter.create().parse("""
        **Incident date:** 2024-05-02

        ## Action items

        - [ ] Alert on queue age
        """, "__.md");
    assertThat(r.postmortem().title()).isNotBlank();
    assertThat(r.postmortem().actionItems()).extracting(ActionItem::title).containsExactly("Alert on queue age");
  }

  @Test
  void headingsInsideBulletsBecomeTheBulletsText() {
    ParseResult r = markdown("""
        # Queue stall

        Incident date: 2024-05-02

        ## Timeline

        - ### 20:23 UTC:
        - ### 20:31 UTC: Workers restarted
          Queue drains.
        - ### 20:40 UTC:

          Queue is back to normal.

        ## Action items

        - [ ] Alert on queue age
        """);
    assertThat(r.postmortem().timeline()).extracting(TimelineEntry::at).containsExactly(
        Instant.parse("2024-05-02T20:23:00Z"), Instant.parse("2024-05-02T20:31:00Z"), Instant.parse("2024-05-02T20:40:00Z"));
    assertThat(r.postmortem().timeline()).extracting(TimelineEntry::text).allMatch(t -> !t.isBlank());
    assertThat(r.postmortem().actionItems()).extracting(ActionItem::title).containsExactly("Alert on queue age");
  }

  @Test
  void anEntryWithNothingButATimeIsKeptWithTheTimeAsItsText() {
    ParseResult r = markdown("""
        # Queue stall

        ## Timeline

        - 20:23 UTC:
        - 20:31 UTC: Workers restarted

        ## Action items

        - Alert on queue age
        """);
    assertThat(r.postmortem().timeline()).hasSize(2);
    assertThat(r.postmortem().actionItems()).hasSize(1);
  }

  @Test
  void wordProcessorBulletsWithTabsAndLetterSubBulletsAreLists() {
    ParseResult r = plain("""
        Storage node outage
        \u2022\tSummary
        The data disk of a storage node filled up and uploads failed for an hour.
        \u2022\tTimeline
        o\t09:10 UTC uploads start failing
        o\t10:05 UTC old snapshots deleted, uploads succeed again
        \u2022\tAction items
        o\tAlert when a data disk is 80% full (owner: dana)
        o\tDelete snapshots older than a week
        \u25aa\tCheck that the job runs daily
        """);
    assertThat(r.postmortem().actionItems()).extracting(ActionItem::title)
        .contains("Alert when a data disk is 80% full", "Delete snapshots older than a week");
    assertThat(r.postmortem().actionItems().get(0).owner()).isEqualTo("dana");
    assertThat(r.postmortem().timeline()).hasSize(2);
  }

  @Test
  void aTaskListAloneIsEnoughStructure() {
    ParseResult r = plain("""
        Things we agreed after the outage of the build cache
        - [ ] Add a cache hit-rate alert
        - [x] Pin the cache server version
        """);
    assertThat(r.postmortem().actionItems()).extracting(ActionItem::status)
        .containsExactly(ItemStatus.OPEN, ItemStatus.DONE);
  }
}
