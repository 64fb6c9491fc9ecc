package dev.followthrough.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.tck.WebhookSender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries over real HTTP, signed, replayed, forged, malformed and too large, and what each changes. */
class WebhookRoutesTest {
  @TempDir Path dir;
  ServerFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new ServerFixture(dir, null, List.of());
    f.tracker.resetCounts();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aSignedDeliveryIsQueuedAndItsTicketClosedInTheTrackerClosesTheItem() throws Exception {
    f.tracker.changeState(f.key(0), TicketState.DONE);
    WebhookSender.Response answer = f.jira().send(WebhookSender.jiraIssueUpdated(f.key(0), 1L));
    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    SyncQueue.Turn turn = f.nextTurn();
    assertThat(turn.keys()).containsExactly(f.key(0));
    assertThat(turn.result().pulled()).hasSize(1);
    assertThat(f.item("alert-on-queue-age").status()).isEqualTo(ItemStatus.DONE);
    assertThat(f.item("drain-the-backlog").status()).isEqualTo(ItemStatus.OPEN);
  }

  @Test
  void aRedeliveryIsAnsweredAlreadySeenAndQueuesNothing() throws Exception {
    WebhookSender.Delivery d = WebhookSender.jiraIssueUpdated(f.key(0), 1L);
    assertThat(f.jira().send(d).status()).isEqualTo(202);
    f.nextTurn();
    f.tracker.changeState(f.key(0), TicketState.DONE);
    WebhookSender.Response again = f.jira().redeliver(d, 1);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(f.turns.poll(300, TimeUnit.MILLISECONDS)).isNull();
    assertThat(f.queue.pending()).isEmpty();
    assertThat(f.item("alert-on-queue-age").status()).isEqualTo(ItemStatus.OPEN);
  }

  @Test
  void outOfOrderDeliveriesOnlyPromptARereadSoTheTrackersCurrentStateWins() throws Exception {
    f.tracker.changeState(f.key(0), TicketState.DONE);
    WebhookSender.Delivery closed = WebhookSender.jiraIssueUpdated(f.key(0), 2_000L);
    WebhookSender.Delivery older = WebhookSender.jiraIssueUpdated(f.key(0), 1_000L);
    assertThat(f.jira().send(closed).status()).isEqualTo(202);
    f.nextTurn();
    assertThat(f.jira().send(older).status()).isEqualTo(202);
    f.nextTurn();
    assertThat(f.item("alert-on-queue-age").status()).isEqualTo(ItemStatus.DONE);
  }

  @Test
  void forgedTamperedAndUnsignedDeliveriesAre401AndChangeNothing() throws Exception {
    f.tracker.changeState(f.key(0), TicketState.DONE);
    WebhookSender.Delivery d = WebhookSender.jiraIssueUpdated(f.key(0), 1L);
    assertThat(f.jira().sendForged(d, "someone-elses-secret-value").status()).isEqualTo(401);
    assertThat(f.jira().sendUnsigned(d).status()).isEqualTo(401);
    WebhookSender.Delivery other = WebhookSender.jiraIssueUpdated(f.key(1), 1L);
    assertThat(f.jira().sendTampered(other, d.body()).status()).isEqualTo(401);
    assertThat(f.turns.poll(300, TimeUnit.MILLISECONDS)).isNull();
    assertThat(f.queue.pending()).isEmpty();
    assertThat(f.tracker.calls(InMemoryTracker.Call.FETCH)).isZero();
    assertThat(f.item("alert-on-queue-age").status()).isEqualTo(ItemStatus.OPEN);
    // The forgeries used up no id: the real delivery with the same id is still taken.
    assertThat(f.jira().send(d).status()).isEqualTo(202);
  }

  @Test
  void malformedTooLargeAndUnconfiguredAreAnsweredAndRecordNothing() throws Exception {
    WebhookSender.Delivery notJson = new WebhookSender.Delivery("m-1", "x", "{not json".getBytes(StandardCharsets.UTF_8));
    assertThat(f.jira().send(notJson).status()).isEqualTo(400);
    byte[] big = ("{\"webhookEvent\":\"jira:issue_updated\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(f.jira().send(new WebhookSender.Delivery("m-2", "x", big)).status()).isEqualTo(413);
    WebhookSender.Response github = WebhookSender.github(f.uri().resolve("/webhooks/github"), ServerFixture.SECRET)
        .send(WebhookSender.githubIssue("closed", 1, "acme/ops"));
    assertThat(github.status()).isEqualTo(404);
    assertThat(github.body()).contains("not set up");
    assertThat(WebhookSender.jira(f.uri().resolve("/webhooks/nope"), ServerFixture.SECRET)
        .send(WebhookSender.jiraIssueUpdated("OPS-1", 1L)).status()).isEqualTo(404);
    assertThat(f.store.recordDelivery("jira", "m-1", java.time.Instant.now(), java.time.Duration.ofDays(1))).isTrue();
    assertThat(f.store.recordDelivery("jira", "m-2", java.time.Instant.now(), java.time.Duration.ofDays(1))).isTrue();
  }

  @Test
  void whileAnotherRunHoldsTheStoreLockTheQueueWaitsAndKeepsTheKey() throws Exception {
    f.tracker.changeState(f.key(0), TicketState.DONE);
    ActionStore.RunLock schedule = f.store.tryLockRun().orElseThrow();
    try {
      assertThat(f.jira().send(WebhookSender.jiraIssueUpdated(f.key(0), 1L)).status()).isEqualTo(202);
      SyncQueue.Turn refused = f.nextTurn();
      assertThat(refused.error()).isInstanceOf(dev.followthrough.core.sync.SyncInProgressException.class);
      assertThat(f.tracker.calls(InMemoryTracker.Call.FETCH)).isZero();
      assertThat(f.item("alert-on-queue-age").status()).isEqualTo(ItemStatus.OPEN);
      assertThat(f.queue.pending()).containsExactly(f.key(0));
    } finally {
      schedule.close();
    }
    SyncQueue.Turn turn;
    do {
      turn = f.nextTurn();
    } while (turn.error() != null);
    assertThat(f.item("alert-on-queue-age").status()).isEqualTo(ItemStatus.DONE);
  }
}
