package dev.followthrough.core.sync;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.store.RunLockLostException;
import dev.followthrough.core.sync.PlannedAction.Create;
import dev.followthrough.core.sync.PlannedAction.Recover;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The create protocol, the one place where tickets come into being:
 *
 * <ol>
 *   <li>the intent to create is stored before the call, so that a crash leaves a trace;
 *   <li>the adapter sends the create request(s) and nothing else;
 *   <li>a create answered with its ticket is linked at once; one refused for certain (a rejected
 *       field, missing credentials: {@link TrackerException#mayHaveTakenEffect()}) has its intent
 *       cleared;
 *   <li>a create whose outcome is unknown (any 5xx, a 429 or 503 with Retry-After, a timeout, a
 *       reset, an unreadable answer) is never sent
 *       again: its intent stays, and later runs look for the ticket by its key, creating it only
 *       when it is still absent once the tracker's recovery window has passed since the request
 *       was sent (which covers a client that gave up and a process that died while waiting).
 * </ol>
 */
final class TicketCreation {
  private final SyncRun run;
  private final Tracker tracker;

  TicketCreation(SyncRun run) {
    this.run = run;
    this.tracker = run.tracker;
  }

  /** Looks, once the recovery window has passed, for the tickets of creates whose outcome was unknown. */
  List<Create> recover(List<Recover> recovers) {
    List<Create> stillMissing = new ArrayList<>();
    if (recovers.isEmpty()) {
      return stillMissing;
    }
    try {
      run.retrier.waitFor(remainingWindow(recovers), null);
      List<String> keys = new ArrayList<>();
      recovers.forEach(r -> {
        keys.add(r.draft().idempotencyKey());
        keys.addAll(r.draft().formerKeys());
      });
      Map<String, TicketSnapshot> found = new HashMap<>();
      run.retrier.call(() -> tracker.findByKeys(keys)).forEach(t -> found.putIfAbsent(t.idempotencyKey(), t));
      for (Recover r : recovers) {
        TicketSnapshot t = SyncEngine.foundFor(r.draft(), found);
        if (t != null) {
          run.adopt(r, t);
        } else {
          stillMissing.add(new Create(r.item(), r.draft()));
        }
      }
    } catch (TrackerException | TimeBudgetExceededException e) {
      recovers.forEach(r -> run.fail(r, "could not look for the ticket of an unfinished create: " + e.getMessage()
          + "; the next sync looks for it before creating it"));
    }
    run.writer.flush();
    return stillMissing;
  }

  void createAll(List<Create> planned) {
    // A plan may be applied after another run: never create for an item that run linked meanwhile.
    List<Create> creates = planned.stream().filter(this::stillUnlinked).toList();
    int batchSize = tracker.capabilities().maxBatchCreate();
    for (int from = 0; from < creates.size(); from += batchSize) {
      List<Create> batch = creates.subList(from, Math.min(creates.size(), from + batchSize));
      if (run.retrier.pastDeadline()) {
        batch.forEach(c -> run.fail(c, "not created: the run's time budget of " + run.options.timeBudget().toSeconds()
            + " s ran out"));
        continue;
      }
      createBatch(batch);
    }
  }

  private void createBatch(List<Create> batch) {
    if (!lockHeld()) {
      batch.forEach(c -> run.fail(c, run.lock.reason()));
      return;
    }
    // The intent goes to the store before the call: after a crash, the next run looks first.
    Instant requested = run.clock.instant();
    batch.forEach(c -> run.writer.change(c.item(), item -> SyncRun.withLink(item,
        TicketLink.pendingCreate(tracker.type(), requested))));
    run.writer.flush();
    List<Tracker.CreateOutcome> outcomes;
    try {
      outcomes = tracker.createAll(batch.stream().map(Create::draft).toList());
    } catch (TrackerException e) {
      outcomes = batch.stream().map(c -> Tracker.CreateOutcome.failed(c.draft(), e)).toList();
    }
    Map<String, Tracker.CreateOutcome> byKey = new HashMap<>();
    outcomes.forEach(o -> byKey.put(o.draft().idempotencyKey(), o));
    for (Create c : batch) {
      Tracker.CreateOutcome o = byKey.get(c.draft().idempotencyKey());
      if (o != null && o.succeeded()) {
        run.linkCreated(c, o.ticket());
      } else if (o == null || o.failure().mayHaveTakenEffect()) {
        // A 5xx, a 429 or 503 with Retry-After, a reset, a timeout or an unreadable answer: the
        // ticket may exist. Resending now could make a second one; only a lookup after the
        // tracker's recovery window settles it.
        run.fail(c, "the create may have reached the tracker (" + (o == null ? "no outcome" : o.failure().getMessage())
            + "); it is never sent again blindly: the next sync looks for the ticket by its key, and creates it only if it"
            + " is still absent " + tracker.capabilities().recoveryWindow().toSeconds() + " s after the request was sent");
      } else {
        run.writer.change(c.item(), this::withoutPendingLink);
        run.fail(c, o.failure().getMessage());
      }
    }
    run.writer.flush();
  }

  /** Asked before the intent is stored, so that a run without the lock neither writes nor sends. */
  private boolean lockHeld() {
    try {
      run.lock.require();
      return true;
    } catch (RunLockLostException e) {
      return false;
    }
  }

  private boolean stillUnlinked(Create c) {
    TicketLink now = run.store.find(c.item().postmortemId()).flatMap(s -> s.postmortem().item(c.item().itemId()))
        .map(run::link).orElse(null);
    boolean unlinked = now == null || (now.isPending() && !now.createRequestedAt().isAfter(run.planMadeAt()));
    if (!unlinked) {
      run.finished(c, null);
    }
    return unlinked;
  }

  /** Until the newest unfinished create is past the tracker's recovery window. */
  private Duration remainingWindow(List<Recover> recovers) {
    Instant newest = Instant.MIN;
    for (Recover r : recovers) {
      Instant since = run.store.find(r.item().postmortemId()).flatMap(s -> s.postmortem().item(r.item().itemId()))
          .map(run::link).map(TicketLink::createRequestedAt).orElse(run.clock.instant());
      newest = since.isAfter(newest) ? since : newest;
    }
    Duration left = Duration.between(run.clock.instant(), newest.plus(tracker.capabilities().recoveryWindow()));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private ActionItem withoutPendingLink(ActionItem item) {
    return item.withTickets(item.tickets().stream()
        .filter(t -> !(t.tracker().equals(tracker.type()) && t.isPending())).toList());
  }
}
