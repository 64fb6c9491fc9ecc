package dev.followthrough.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.FollowthroughException;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TicketKeys;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.policy.VerificationPolicy;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.TrackerFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Close in the tracker, verification falls due, one request on the ticket, verify, reopen. */
class VerificationLoopTest {
  @TempDir Path dir;
  TestClock clock;
  InMemoryTracker tracker;
  Followthrough ft;
  static final String PM = "2025-06-01-cache-stampede";

  @BeforeEach
  void setUp() throws IOException {
    clock = TestClock.at("2025-06-01T12:00:00Z");
    tracker = InMemoryTracker.builder().clock(clock).build();
    ft = Followthrough.builder().store(ActionStore.inMemory()).clock(clock).tracker(tracker).build();
    ft.importPath(Files.writeString(dir.resolve(PM + ".md"), """
        # Cache stampede

        - Date: 2025-06-01

        ## Action items

        - [ ] Add request coalescing owner: @erin P1
          Verify: no origin load spike above 2x during the next cache flush
        - [x] Raise the origin pool owner: @sam P2
        """));
    ft.sync("memory");
  }

  ActionItem item(String id) {
    return ft.store().find(PM).orElseThrow().postmortem().item(id).orElseThrow();
  }

  TicketSnapshot ticket(String itemId) {
    String key = TicketKeys.of(PM, itemId);
    return tracker.tickets().stream().filter(t -> t.labels().contains(key)).findFirst().orElseThrow();
  }

  @Test
  void anItemDoneOnImportAwaitsVerificationAndAnOpenOneDoesNot() {
    assertThat(item("raise-the-origin-pool").verification()).satisfies(v -> {
      assertThat(v.state()).isEqualTo(Verification.State.PENDING);
      assertThat(v.dueDate()).isEqualTo(LocalDate.of(2025, 7, 1));
    });
    assertThat(item("add-request-coalescing").verification()).isNull();
  }

  @Test
  void aTicketClosedInTheTrackerStartsTheWaitWithTheDocumentsCriterion() {
    tracker.changeState(ticket("add-request-coalescing").key(), TicketState.DONE);
    clock.advance(Duration.ofDays(2));
    ft.sync("memory");
    Verification v = item("add-request-coalescing").verification();
    assertThat(v.state()).isEqualTo(Verification.State.PENDING);
    assertThat(v.dueDate()).isEqualTo(LocalDate.of(2025, 7, 3));
    assertThat(v.criterion()).contains("no origin load spike");
  }

  @Test
  void whenVerificationFallsDueTheSyncAsksOnTheClosedTicketOnce() {
    String key = ticket("raise-the-origin-pool").key();
    clock.advance(Duration.ofDays(29));
    ft.sync("memory");
    assertThat(tracker.comments(key)).isEmpty();
    clock.advance(Duration.ofDays(1));
    SyncResult due = ft.sync("memory");
    assertThat(due.verificationReminders()).extracting(ItemRef::itemId).containsExactly("raise-the-origin-pool");
    assertThat(tracker.comments(key)).singleElement().asString().contains("Verification due")
        .contains("followthrough verify " + PM + "/raise-the-origin-pool");
    clock.advance(Duration.ofDays(5));
    ft.sync("memory");
    assertThat(tracker.comments(key)).hasSize(1);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.EnumSource(value = TrackerFault.class,
      names = {"APPLIED_THEN_502", "APPLIED_THEN_503_RETRY_AFTER", "APPLIED_THEN_504"})
  void aRequestAnsweredWithAGatewayErrorAfterItWasPostedIsNeverPostedAgain(TrackerFault fault) {
    String key = ticket("raise-the-origin-pool").key();
    clock.advance(Duration.ofDays(30));
    tracker.inject(InMemoryTracker.Call.COMMENT, fault);
    assertThat(ft.sync("memory").failures()).hasSize(1);
    ft.sync("memory");
    clock.advance(Duration.ofDays(1));
    ft.sync("memory");
    assertThat(tracker.comments(key)).hasSize(1);
  }

  @Test
  void aRequestWhoseAnswerWasLostIsNeverPostedAgainButARefusedOneIs() {
    String key = ticket("raise-the-origin-pool").key();
    clock.advance(Duration.ofDays(30));
    tracker.inject(InMemoryTracker.Call.COMMENT, TrackerFault.RESET_AFTER_APPLIED);
    assertThat(ft.sync("memory").failures()).hasSize(1);
    ft.sync("memory");
    assertThat(tracker.comments(key)).hasSize(1);

    VerificationLoopTest refused = new VerificationLoopTest();
    refused.dir = dir.resolve("second");
    try {
      Files.createDirectories(refused.dir);
      refused.setUp();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String other = refused.ticket("raise-the-origin-pool").key();
    refused.clock.advance(Duration.ofDays(30));
    refused.tracker.inject(InMemoryTracker.Call.COMMENT, TrackerFault.FORBIDDEN);
    assertThat(refused.ft.sync("memory").failures()).hasSize(1);
    assertThat(refused.tracker.comments(other)).isEmpty();
    refused.ft.sync("memory");
    assertThat(refused.tracker.comments(other)).hasSize(1);
  }

  @Test
  void anIneffectiveFixReopensTheItemAndItsTicketThenANewVerificationFollowsTheNextClose() {
    String key = ticket("raise-the-origin-pool").key();
    ActionItem reopened = ft.verify(PM, "raise-the-origin-pool", Verification.State.INEFFECTIVE,
        "https://dashboards.example.com/origin", "noor");
    assertThat(reopened.status()).isEqualTo(ItemStatus.OPEN);
    assertThat(reopened.verification().state()).isEqualTo(Verification.State.INEFFECTIVE);
    assertThat(reopened.verification().verifiedBy()).isEqualTo("noor");
    assertThat(reopened.history()).anySatisfy(h -> assertThat(h.field()).isEqualTo("verification"));
    ft.sync("memory");
    assertThat(ticket("raise-the-origin-pool").state()).isEqualTo(TicketState.OPEN);

    tracker.changeState(key, TicketState.DONE);
    ft.sync("memory");
    assertThat(item("raise-the-origin-pool").verification().state()).isEqualTo(Verification.State.PENDING);
    ActionItem effective = ft.verify(PM, "raise-the-origin-pool", Verification.State.EFFECTIVE, "no spike", "erin");
    assertThat(effective.verification().state()).isEqualTo(Verification.State.EFFECTIVE);
    assertThat(effective.status()).isEqualTo(ItemStatus.DONE);
  }

  @Test
  void withFollowUpsAnIneffectiveFixLeavesTheItemDoneAndAddsAnItemThatGetsATicket() {
    Followthrough followUps = Followthrough.builder().store(ft.store()).clock(clock).tracker(tracker)
        .verification(VerificationPolicy.standard().withOnIneffective(VerificationPolicy.OnIneffective.FOLLOW_UP)).build();
    followUps.verify(PM, "raise-the-origin-pool", Verification.State.INEFFECTIVE, "still spiking", null);
    assertThat(item("raise-the-origin-pool").status()).isEqualTo(ItemStatus.DONE);
    ActionItem added = item("raise-the-origin-pool-follow-up");
    assertThat(added.title()).isEqualTo("Follow up: Raise the origin pool");
    assertThat(added.priority()).isEqualTo(Priority.P2);
    assertThat(added.dueDate()).isEqualTo(LocalDate.of(2025, 6, 29));
    followUps.sync("memory");
    assertThat(ticket("raise-the-origin-pool-follow-up").state()).isEqualTo(TicketState.OPEN);
  }

  @Test
  void onlyADoneItemAwaitingVerificationCanBeVerified() {
    assertThatThrownBy(() -> ft.verify(PM, "add-request-coalescing", Verification.State.EFFECTIVE, null, null))
        .isInstanceOf(FollowthroughException.class).hasMessageContaining("only a done item awaiting verification");
    assertThatThrownBy(() -> ft.verify(PM, "nope", Verification.State.EFFECTIVE, null, null))
        .isInstanceOf(FollowthroughException.class).hasMessageContaining("no action item");
    ft.verify(PM, "raise-the-origin-pool", Verification.State.EFFECTIVE, null, null);
    assertThatThrownBy(() -> ft.verify(PM, "raise-the-origin-pool", Verification.State.EFFECTIVE, null, null))
        .isInstanceOf(FollowthroughException.class).hasMessageContaining("verification EFFECTIVE");
  }
}
