package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.model.Priority;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import dev.followthrough.tck.TrackerHarness.Failure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Tracker} must show. Each adapter's test extends this class and
 * supplies a {@link TrackerHarness} around a fake of its tracker (the in-memory tracker, or a WireMock
 * simulator), built fresh for each test.
 */
public abstract class TrackerCompatibilityKit {

  protected TrackerHarness harness;
  protected Tracker tracker;

  protected abstract TrackerHarness createHarness() throws Exception;

  @BeforeEach
  void setUpKit() throws Exception {
    harness = createHarness();
    tracker = harness.tracker();
  }

  protected static TicketDraft draft(String title) {
    return new TicketDraft("ft-kit-" + UUID.randomUUID().toString().substring(0, 8), title,
        "What to do.\n\nWhy: it broke.", null, LocalDate.of(2025, 6, 1), Priority.P2, List.of("postmortem"),
        "postmortems/outage.md", TicketState.OPEN);
  }

  protected TicketSnapshot create(TicketDraft d) {
    Tracker.CreateOutcome outcome = tracker.createAll(List.of(d)).get(0);
    assertThat(outcome.failure()).isNull();
    return outcome.ticket();
  }

  @Nested
  class Create {
    @Test
    void createdTicketCarriesTitleKeyLabelsDueDateAndPriority() {
      TicketDraft d = draft("Alert on queue age");
      TicketSnapshot t = create(d);
      assertThat(t.key()).isNotBlank();
      assertThat(t.title()).isEqualTo("Alert on queue age");
      assertThat(t.idempotencyKey()).isEqualTo(d.idempotencyKey());
      assertThat(t.labels()).contains("postmortem", d.idempotencyKey());
      assertThat(t.state()).isEqualTo(TicketState.OPEN);
      if (tracker.capabilities().nativeDueDates()) {
        assertThat(t.dueDate()).isEqualTo(LocalDate.of(2025, 6, 1));
      }
      assertThat(tracker.fetch(List.of(t.key()))).singleElement().extracting(TicketSnapshot::title).isEqualTo(d.title());
    }

    @Test
    void aCreateSendsOnlyTheCreateAndLeavesTheTicketOpen() {
      // Closing the ticket of a closed item is the engine's follow-up step, never part of a create.
      TicketDraft open = draft("Already done");
      TicketDraft done = new TicketDraft(open.idempotencyKey(), open.title(), open.description(), null, null, null,
          open.labels(), null, TicketState.DONE);
      assertThat(create(done).state()).isEqualTo(TicketState.OPEN);
    }

    @Test
    void aBatchGetsOneOutcomePerDraftInOrder() {
      List<TicketDraft> drafts = new ArrayList<>();
      for (int i = 0; i < tracker.capabilities().maxBatchCreate() + 2; i++) {
        drafts.add(draft("Batch item " + i));
      }
      List<Tracker.CreateOutcome> outcomes = tracker.createAll(drafts);
      assertThat(outcomes).hasSize(drafts.size()).allMatch(Tracker.CreateOutcome::succeeded);
      for (int i = 0; i < drafts.size(); i++) {
        assertThat(outcomes.get(i).draft()).isEqualTo(drafts.get(i));
        assertThat(outcomes.get(i).ticket().idempotencyKey()).isEqualTo(drafts.get(i).idempotencyKey());
      }
    }
  }

  @Nested
  class Update {
    @Test
    void onlyTheGivenFieldsChange() {
      TicketDraft d = draft("Before");
      TicketSnapshot t = create(d);
      TicketDraft changed = new TicketDraft(d.idempotencyKey(), "After", d.description(), null,
          LocalDate.of(2025, 7, 1), Priority.P4, d.labels(), d.sourceUrl(), TicketState.OPEN);
      TicketSnapshot u = tracker.update(t.key(), changed, EnumSet.of(TicketField.TITLE));
      assertThat(u.title()).isEqualTo("After");
      assertThat(u.priority()).isEqualTo(t.priority());
      assertThat(tracker.fetch(List.of(t.key()))).singleElement().extracting(TicketSnapshot::title).isEqualTo("After");
    }
  }

  @Nested
  class StatusMapping {
    @Test
    void transitionsToDoneWontDoAndBack() {
      TicketSnapshot t = create(draft("Move me"));
      assertThat(tracker.transition(t.key(), TicketState.DONE).state()).isEqualTo(TicketState.DONE);
      assertThat(tracker.transition(t.key(), TicketState.OPEN).state()).isEqualTo(TicketState.OPEN);
      assertThat(tracker.transition(t.key(), TicketState.WONT_DO).state()).isEqualTo(TicketState.WONT_DO);
    }

    @Test
    void changesMadeInTheTrackerAreRead() {
      TicketSnapshot t = create(draft("Closed by a person"));
      harness.changeStateInTracker(t.key(), TicketState.WONT_DO);
      assertThat(tracker.fetch(List.of(t.key()))).singleElement().extracting(TicketSnapshot::state)
          .isEqualTo(TicketState.WONT_DO);
    }
  }

  @Nested
  class Comments {
    @Test
    void aCommentArrivesOnTheTicket() {
      TicketSnapshot t = create(draft("Remind me"));
      tracker.comment(t.key(), "Reminder: this is overdue.\n\nPlease update it.");
      assertThat(harness.comments(t.key())).singleElement().asString()
          .contains("Reminder: this is overdue.").contains("Please update it.");
    }
  }

  @Nested
  class Paging {
    @Test
    void readsBeyondOnePage() {
      int n = tracker.capabilities().maxBatchRead() + 5;
      List<TicketDraft> drafts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        drafts.add(draft("Paged " + i));
      }
      List<String> keys = tracker.createAll(drafts).stream().map(o -> o.ticket().key()).toList();
      harness.awaitSearchable();
      assertThat(tracker.findByKeys(drafts.stream().map(TicketDraft::idempotencyKey).toList())).hasSize(n);
      assertThat(tracker.fetch(keys)).hasSize(n);
    }

    @Test
    void unknownKeysAreLeftOut() {
      TicketSnapshot t = create(draft("Known"));
      harness.awaitSearchable();
      assertThat(tracker.findByKeys(List.of("ft-kit-none"))).isEmpty();
      assertThat(tracker.findByKeys(List.of(t.idempotencyKey(), "ft-kit-none"))).hasSize(1);
    }
  }

  @Nested
  class IdempotentCreate {
    @Test
    void aCreateWhoseAnswerWasLostLeavesExactlyOneTicketFoundByItsKey() {
      TicketDraft d = draft("Lost answer");
      harness.loseNextCreateResponse();
      try {
        Tracker.CreateOutcome outcome = tracker.createAll(List.of(d)).get(0);
        // An adapter may recover by itself (look up the key, adopt); otherwise it must say the
        // create may have happened, so that the engine looks before creating again.
        assertThat(outcome.succeeded() || outcome.failure().mayHaveTakenEffect()).isTrue();
      } catch (TrackerException e) {
        assertThat(e.mayHaveTakenEffect()).isTrue();
      }
      harness.awaitSearchable();
      assertThat(tracker.findByKeys(List.of(d.idempotencyKey()))).singleElement()
          .extracting(TicketSnapshot::title).isEqualTo("Lost answer");
    }
  }

  @Nested
  class KeysAndDeletes {
    @Test
    void aKeyOfFiftyCharactersIsAcceptedAndFound() {
      String longest = "ft-" + "k".repeat(dev.followthrough.core.model.TicketKeys.MAX_LENGTH - 3);
      TicketDraft d = new TicketDraft(longest, "Longest key", null, null, null, Priority.P3, List.of("postmortem"),
          null, TicketState.OPEN);
      TicketSnapshot t = create(d);
      harness.awaitSearchable();
      assertThat(tracker.findByKeys(List.of(longest))).singleElement().extracting(TicketSnapshot::key).isEqualTo(t.key());
    }

    @Test
    void theKeysOfRealIdsFitEveryTracker() {
      String key = dev.followthrough.core.model.TicketKeys.of("2025-05-03-payment-webhook-backlog-delays-order-confirmations",
          "run-schema-migrations-through-the-online-migration-tool-only");
      TicketSnapshot t = create(new TicketDraft(key, "Real ids", null, null, null, null, List.of("postmortem"), null,
          TicketState.OPEN));
      assertThat(t.idempotencyKey()).isEqualTo(key);
    }

    @Test
    void aDeletedTicketIsLeftOutOfFetchAndTheOthersAreStillRead() {
      TicketSnapshot kept = create(draft("Kept"));
      TicketSnapshot gone = create(draft("Deleted by a person"));
      harness.awaitSearchable();
      harness.deleteInTracker(gone.key());
      assertThat(tracker.fetch(List.of(kept.key(), gone.key()))).extracting(TicketSnapshot::key).containsExactly(kept.key());
      assertThat(catchThrowableOfType(TrackerException.class, () -> tracker.transition(gone.key(), TicketState.DONE)).kind())
          .isEqualTo(TrackerException.Kind.NOT_FOUND);
    }

    @Test
    void aTicketASearchCannotSeeYetIsStillReadByItsKey() {
      TicketSnapshot fresh = create(draft("Made a moment ago"));
      // Whatever the search index shows, a read by key is authoritative: never "deleted".
      assertThat(tracker.fetch(List.of(fresh.key()))).extracting(TicketSnapshot::key).containsExactly(fresh.key());
    }
  }

  @Nested
  class Errors {
    TrackerException failing(Failure failure) {
      TicketSnapshot t = create(draft("Target"));
      harness.failNextRequest(failure);
      return catchThrowableOfType(TrackerException.class, () -> tracker.fetch(List.of(t.key())));
    }

    @Test
    void unauthorizedIsAnAuthFailure() {
      TrackerException e = failing(Failure.UNAUTHORIZED);
      assertThat(e.kind()).isEqualTo(TrackerException.Kind.AUTH);
      assertThat(e.kind().retryable()).isFalse();
    }

    @Test
    void notFoundIsNotRetried() {
      TrackerException e = catchThrowableOfType(TrackerException.class,
          () -> tracker.transition(harness.missingTicketKey(), TicketState.DONE));
      assertThat(e.kind()).isEqualTo(TrackerException.Kind.NOT_FOUND);
    }

    @Test
    void rateLimitCarriesRetryAfter() {
      TrackerException e = failing(Failure.RATE_LIMITED);
      assertThat(e.kind()).isEqualTo(TrackerException.Kind.RATE_LIMITED);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void serverErrorsAreTransient() {
      assertThat(failing(Failure.SERVER_ERROR).kind()).isEqualTo(TrackerException.Kind.TRANSIENT);
    }

    @Test
    void timeoutsMayHaveTakenEffect() {
      TrackerException e = failing(Failure.TIMEOUT);
      assertThat(e.kind()).isEqualTo(TrackerException.Kind.TIMEOUT);
      assertThat(e.mayHaveTakenEffect()).isTrue();
    }

    @Test
    void malformedAnswersAreReportedAsSuch() {
      assertThat(failing(Failure.MALFORMED).kind()).isEqualTo(TrackerException.Kind.MALFORMED);
    }

    @Test
    void messagesNameTheTracker() {
      assertThat(failing(Failure.UNAUTHORIZED).getMessage()).startsWith(tracker.type() + ":");
    }
  }

  /** For harnesses: the update of a set of fields, spelled once. */
  protected static Set<TicketField> allPushedFields() {
    return EnumSet.of(TicketField.TITLE, TicketField.DESCRIPTION, TicketField.DUE_DATE, TicketField.PRIORITY,
        TicketField.LABELS);
  }
}
