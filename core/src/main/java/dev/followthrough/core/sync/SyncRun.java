package dev.followthrough.core.sync;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.PlannedAction.Adopt;
import dev.followthrough.core.sync.PlannedAction.Conflict;
import dev.followthrough.core.sync.PlannedAction.Create;
import dev.followthrough.core.sync.PlannedAction.Missing;
import dev.followthrough.core.sync.PlannedAction.Pull;
import dev.followthrough.core.sync.PlannedAction.Push;
import dev.followthrough.core.sync.PlannedAction.Recover;
import dev.followthrough.core.sync.PlannedAction.Transition;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One apply of a {@link SyncPlan}: the actions in a safe order (adoptions, recoveries, creates in
 * batches with their intents stored first, then updates, transitions and pulls), what was done and
 * what failed, and the store changes to write.
 */
final class SyncRun {
  private static final Logger LOG = LoggerFactory.getLogger(SyncRun.class);

  private final ActionStore store;
  private final Tracker tracker;
  private final Clock clock;
  private final SyncOptions options;
  private final SyncListener listener;
  private final RandomGenerator random;
  private final SyncPlan plan;
  private final Retrier retrier;
  private final StoreWriter writer;
  private final List<ItemRef> created = new ArrayList<>();
  private final List<ItemRef> adopted = new ArrayList<>();
  private final List<ItemRef> updated = new ArrayList<>();
  private final List<ItemRef> transitioned = new ArrayList<>();
  private final List<ItemRef> pulled = new ArrayList<>();
  private final List<ItemRef> conflicts = new ArrayList<>();
  private final List<SyncResult.Failure> failures = new ArrayList<>();
  private final Map<String, TicketSnapshot> latest = new HashMap<>();
  private final java.util.Set<String> failed = new java.util.HashSet<>();
  private int done;

  SyncRun(SyncPlan plan, ActionStore store, Tracker tracker, Clock clock, SyncOptions options, Sleeper sleeper,
      SyncListener listener, RandomGenerator random) {
    this.plan = plan;
    this.store = store;
    this.tracker = tracker;
    this.clock = clock;
    this.options = options;
    this.listener = listener;
    this.random = random;
    this.writer = new StoreWriter(store);
    this.retrier = new Retrier(options.retry(), clock, sleeper, random, clock.instant().plus(options.timeBudget()));
  }

  void execute() {
    List<PlannedAction> creates = new ArrayList<>();
    List<Recover> recovers = new ArrayList<>();
    for (PlannedAction a : plan.actions()) {
      if (a instanceof Create c) {
        creates.add(c);
      } else if (a instanceof Recover r) {
        recovers.add(r);
      } else if (a instanceof Adopt adopt) {
        adopt(adopt.item(), adopt.ticket(), null);
        finished(a, null);
      }
    }
    writer.flush();
    if (!recovers.isEmpty()) {
      creates.addAll(recover(recovers));
    }
    createAll(creates);
    for (PlannedAction a : plan.actions()) {
      if (a instanceof Create || a instanceof Recover || a instanceof Adopt) {
        continue;
      }
      if (retrier.pastDeadline()) {
        fail(a, "not done: the run's time budget of " + options.timeBudget().toSeconds() + " s ran out");
        continue;
      }
      try {
        change(a);
        finished(a, null);
      } catch (TrackerException | TimeBudgetExceededException e) {
        fail(a, e.getMessage());
      }
    }
    rememberSyncedValues();
    writer.flush();
  }

  private void change(PlannedAction a) {
    String key = a.item().toString();
    if (a instanceof Push push) {
      TicketSnapshot t = retrier.call(() -> tracker.update(push.ticketKey(), push.draft(), push.fields()));
      latest.put(key, t);
      updated.add(a.item());
    } else if (a instanceof Transition tr) {
      TicketSnapshot t = retrier.call(() -> tracker.transition(tr.ticketKey(), tr.to()));
      latest.put(key, t);
      transitioned.add(a.item());
    } else if (a instanceof Pull pull) {
      latest.putIfAbsent(key, pull.ticket());
      Instant now = clock.instant();
      writer.change(a.item(), item -> pulledInto(item, pull, now));
      pulled.add(a.item());
    } else if (a instanceof Conflict conflict) {
      Instant now = clock.instant();
      writer.change(a.item(), item -> item.recording(new HistoryEntry(now, ChangeOrigin.TRACKER,
          "conflict:" + conflict.field().key(), conflict.storeValue(), conflict.trackerValue(), conflict.winner() + " won")));
      conflicts.add(a.item());
    } else if (a instanceof Missing missing) {
      throw new TrackerException(tracker.type(), TrackerException.Kind.NOT_FOUND, 404,
          "ticket " + missing.ticketKey() + " no longer exists; unlink it or restore it in the tracker");
    }
  }

  /** Looks again, after the tracker's search lag, for tickets of creates that did not finish. */
  private List<PlannedAction> recover(List<Recover> recovers) {
    List<PlannedAction> stillMissing = new ArrayList<>();
    try {
      retrier.waitFor(remainingLag(recovers), null);
      Map<String, TicketSnapshot> found = new HashMap<>();
      List<String> keys = recovers.stream().map(r -> r.draft().idempotencyKey()).toList();
      retrier.call(() -> tracker.findByKeys(keys)).forEach(t -> found.putIfAbsent(t.idempotencyKey(), t));
      for (Recover r : recovers) {
        TicketSnapshot t = found.get(r.draft().idempotencyKey());
        if (t != null) {
          adopt(r.item(), t, r.draft());
          finished(r, null);
        } else {
          stillMissing.add(new Create(r.item(), r.draft()));
        }
      }
    } catch (TrackerException | TimeBudgetExceededException e) {
      recovers.forEach(r -> fail(r, "could not look for the ticket of an unfinished create: " + e.getMessage()));
    }
    writer.flush();
    return stillMissing;
  }

  private void createAll(List<PlannedAction> creates) {
    int batchSize = tracker.capabilities().maxBatchCreate();
    for (int from = 0; from < creates.size(); from += batchSize) {
      List<Create> batch = creates.subList(from, Math.min(creates.size(), from + batchSize)).stream()
          .map(Create.class::cast).toList();
      if (retrier.pastDeadline()) {
        batch.forEach(c -> fail(c, "not created: the run's time budget of " + options.timeBudget().toSeconds() + " s ran out"));
        continue;
      }
      createBatch(batch, 1);
    }
  }

  private void createBatch(List<Create> batch, int attempt) {
    // The intent goes to the store before the call: after a crash, the next run looks first.
    Instant requested = clock.instant();
    batch.forEach(c -> writer.change(c.item(), item -> withLink(item, TicketLink.pendingCreate(tracker.type(), requested))));
    writer.flush();
    List<Tracker.CreateOutcome> outcomes;
    try {
      outcomes = tracker.createAll(batch.stream().map(Create::draft).toList());
    } catch (TrackerException e) {
      outcomes = batch.stream().map(c -> Tracker.CreateOutcome.failed(c.draft(), e)).toList();
    }
    Map<String, Tracker.CreateOutcome> byKey = new HashMap<>();
    outcomes.forEach(o -> byKey.put(o.draft().idempotencyKey(), o));
    List<Create> uncertain = new ArrayList<>();
    List<Create> rateLimited = new ArrayList<>();
    Duration wait = Duration.ZERO;
    for (Create c : batch) {
      Tracker.CreateOutcome o = byKey.get(c.draft().idempotencyKey());
      if (o != null && o.succeeded()) {
        linkCreated(c, o.ticket());
      } else if (o == null || mayHaveCreated(o.failure())) {
        uncertain.add(c);
      } else if (o.failure().kind() == TrackerException.Kind.RATE_LIMITED && attempt < options.retry().maxAttempts()) {
        rateLimited.add(c);
        wait = o.failure().retryAfter().orElse(options.retry().backoff(attempt, random));
      } else {
        writer.change(c.item(), item -> withoutPendingLink(item));
        fail(c, o.failure().getMessage());
      }
    }
    writer.flush();
    if (!uncertain.isEmpty()) {
      recoverUncertain(uncertain, attempt);
    }
    if (!rateLimited.isEmpty()) {
      try {
        retrier.waitFor(wait, null);
        createBatch(rateLimited, attempt + 1);
      } catch (TimeBudgetExceededException e) {
        rateLimited.forEach(c -> writer.change(c.item(), item -> withoutPendingLink(item)));
        writer.flush();
        rateLimited.forEach(c -> fail(c, "rate limited, and " + e.getMessage()));
      }
    }
  }

  /**
   * Creates whose outcome is unknown: search by key (after the search lag) and adopt what is
   * there. Only a tracker whose search does not lag lets the rest be created again in this
   * run; otherwise their intent stays and the next run decides.
   */
  private void recoverUncertain(List<Create> uncertain, int attempt) {
    Map<String, TicketSnapshot> found = new HashMap<>();
    try {
      retrier.waitFor(tracker.capabilities().searchLag(), null);
      List<String> keys = uncertain.stream().map(c -> c.draft().idempotencyKey()).toList();
      retrier.call(() -> tracker.findByKeys(keys)).forEach(t -> found.putIfAbsent(t.idempotencyKey(), t));
    } catch (TrackerException | TimeBudgetExceededException e) {
      uncertain.forEach(c -> fail(c, "the create may have reached the tracker and the ticket could not be looked up ("
          + e.getMessage() + "); the next sync looks for it before creating it again"));
      return;
    }
    List<Create> retry = new ArrayList<>();
    for (Create c : uncertain) {
      TicketSnapshot t = found.get(c.draft().idempotencyKey());
      if (t != null) {
        adopt(c.item(), t, c.draft());
        finished(c, null);
      } else if (tracker.capabilities().searchLag().isZero() && attempt < options.retry().maxAttempts()) {
        retry.add(c);
      } else {
        fail(c, "the create may have reached the tracker but the ticket is not searchable yet; "
            + "the next sync looks for it before creating it again");
      }
    }
    writer.flush();
    if (!retry.isEmpty()) {
      try {
        retrier.waitFor(options.retry().backoff(attempt, random), null);
        createBatch(retry, attempt + 1);
      } catch (TimeBudgetExceededException e) {
        retry.forEach(c -> fail(c, "not created: " + e.getMessage() + "; the next sync looks for it first"));
      }
    }
  }

  /** Until the newest unfinished create is past the tracker's search lag. */
  private Duration remainingLag(List<Recover> recovers) {
    Instant newest = Instant.MIN;
    for (Recover r : recovers) {
      Instant requested = store.find(r.item().postmortemId()).flatMap(s -> s.postmortem().item(r.item().itemId()))
          .map(this::link).map(TicketLink::createRequestedAt).orElse(clock.instant());
      newest = requested.isAfter(newest) ? requested : newest;
    }
    Duration left = Duration.between(clock.instant(), newest.plus(tracker.capabilities().searchLag()));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private boolean mayHaveCreated(TrackerException e) {
    return switch (e.kind()) {
      case AUTH, NOT_FOUND, INVALID, RATE_LIMITED -> false;
      default -> true;
    };
  }

  private void linkCreated(Create c, TicketSnapshot ticket) {
    Instant now = clock.instant();
    TicketLink link = new TicketLink(tracker.type(), ticket.key(), ticket.url(), now,
        FieldDiff.syncedAfterCreate(c.draft(), ticket), null);
    writer.change(c.item(), item -> withLink(item, link)
        .recording(new HistoryEntry(now, ChangeOrigin.LOCAL, "ticket", null, ticket.key(), null)));
    created.add(c.item());
    finished(c, null);
  }

  /**
   * Links a ticket found by its key. It was made from this item's draft, so anything that
   * differs is work the interrupted run did not finish: push it now.
   */
  private void adopt(ItemRef ref, TicketSnapshot ticket, TicketDraft knownDraft) {
    Instant now = clock.instant();
    writer.change(ref, item -> withLink(item, new TicketLink(tracker.type(), ticket.key(), ticket.url(), null, Map.of(), null))
        .recording(new HistoryEntry(now, ChangeOrigin.LOCAL, "ticket", null, ticket.key(), "found by idempotency key")));
    adopted.add(ref);
    latest.put(ref.toString(), ticket);
    TicketDraft draft = knownDraft != null ? knownDraft : draftOf(ref);
    if (draft == null) {
      return;
    }
    TicketLink fresh = new TicketLink(tracker.type(), ticket.key(), ticket.url(), null, Map.of(), null);
    for (PlannedAction finish : FieldDiff.finishAdopted(ref, draft, fresh, ticket)) {
      try {
        change(finish);
      } catch (TrackerException | TimeBudgetExceededException e) {
        failed.add(ref.toString());
        failures.add(new SyncResult.Failure(ref, "adopted " + ticket.key() + " but could not finish it: " + e.getMessage()));
      }
    }
  }

  private TicketDraft draftOf(ItemRef ref) {
    return store.find(ref.postmortemId()).flatMap(s -> s.postmortem().item(ref.itemId())
        .map(item -> ItemDrafts.draft(s.postmortem(), item, options.labels(), tracker.capabilities()))).orElse(null);
  }

  private ActionItem pulledInto(ActionItem item, Pull pull, Instant now) {
    ActionItem changed = item;
    for (var e : pull.values().entrySet()) {
      TicketField f = e.getKey();
      String value = e.getValue();
      String before;
      switch (f) {
        case STATE -> {
          ItemStatus status = TicketState.valueOf(value).toItemStatus();
          before = changed.status().name();
          changed = changed.withStatus(status);
          value = status.name();
        }
        case ASSIGNEE -> {
          before = changed.owner();
          changed = changed.withOwner(value);
        }
        case TITLE -> {
          before = changed.title();
          changed = changed.withTitle(value);
        }
        case DUE_DATE -> {
          before = Objects.toString(changed.dueDate(), null);
          changed = changed.withDueDate(value == null ? null : LocalDate.parse(value));
        }
        case PRIORITY -> {
          before = Objects.toString(changed.priority(), null);
          changed = changed.withPriority(value == null ? null : Priority.valueOf(value));
        }
        default -> {
          continue;
        }
      }
      if (!Objects.equals(before, value)) {
        changed = changed.recording(new HistoryEntry(now, ChangeOrigin.TRACKER, f.key(), before, value, null));
      }
    }
    return changed;
  }

  /**
   * After all actions: for every item this run touched without a failure, both sides' current
   * values become the baseline the next sync compares against.
   */
  private void rememberSyncedValues() {
    Instant now = clock.instant();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (PlannedAction a : plan.actions()) {
      String key = a.item().toString();
      TicketSnapshot ticket = latest.get(key);
      if (ticket == null || failed.contains(key) || !seen.add(key)) {
        continue;
      }
      writer.change(a.item(), (postmortem, item) -> {
        TicketLink link = link(item);
        if (link == null || link.isPending() || !link.key().equals(ticket.key())) {
          return item;
        }
        TicketDraft draft = ItemDrafts.draft(postmortem, item, options.labels(), tracker.capabilities());
        return withLink(item, new TicketLink(link.tracker(), link.key(), ticket.url() != null ? ticket.url() : link.url(),
            now, FieldDiff.synced(draft, ticket), null));
      });
    }
  }

  SyncResult result() {
    return new SyncResult(created, adopted, updated, transitioned, pulled, conflicts, failures, plan.unchanged());
  }

  private void finished(PlannedAction a, String failure) {
    done++;
    safely(() -> listener.actionFinished(a, done, plan.actions().size(), failure));
  }

  private void fail(PlannedAction a, String reason) {
    failed.add(a.item().toString());
    failures.add(new SyncResult.Failure(a.item(), reason));
    finished(a, reason);
  }

  private TicketLink link(ActionItem item) {
    return link(item, tracker.type());
  }

  private ActionItem withoutPendingLink(ActionItem item) {
    return item.withTickets(item.tickets().stream().filter(t -> !(t.tracker().equals(tracker.type()) && t.isPending())).toList());
  }

  /** The item's ticket in this tracker, or {@code null}. */
  static TicketLink link(ActionItem item, String trackerType) {
    return item.tickets().stream().filter(t -> t.tracker().equals(trackerType)).findFirst().orElse(null);
  }

  static ActionItem withLink(ActionItem item, TicketLink link) {
    List<TicketLink> links = new ArrayList<>(item.tickets().stream().filter(t -> !t.tracker().equals(link.tracker())).toList());
    links.add(link);
    return item.withTickets(links);
  }

  /** Listener calls must not break a run. */
  static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a sync listener failed: {}", e.toString());
    }
  }
}
