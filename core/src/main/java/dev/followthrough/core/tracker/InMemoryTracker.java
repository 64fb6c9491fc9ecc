package dev.followthrough.core.tracker;

import dev.followthrough.core.tracker.TrackerException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A tracker that keeps its tickets in memory, for embedding tests, demos and the compatibility kit,
 * behaving like a remote one where it matters: reads in pages, creates in batches, a lagging search,
 * tickets deleted or moved, and faults aimed at one kind of request, including those that took
 * effect although the client saw a failure ({@link TrackerFault}). Thread-safe.
 */
public final class InMemoryTracker implements Tracker {
  /** Requests counted by {@link #calls(Call)} and aimed at by {@link #inject}. */
  public enum Call { FIND_BY_KEYS, FETCH, CREATE, UPDATE, TRANSITION, COMMENT, LINK, CHANGES }

  private final String type;
  private final Capabilities capabilities;
  private final Clock clock;
  private final InMemoryTickets tickets;
  private final InMemoryRequests requests;
  private final Duration overlap;
  private int lostCreateResponses;

  InMemoryTracker(InMemoryTrackerBuilder b) {
    this.requests = new InMemoryRequests(b.type, b.clientWait, b.clientSleeper);
    this.type = b.type;
    this.capabilities = new Capabilities(b.batchCreate, b.pageSize, true, b.searchLag, true, b.clientWait, b.createSettleTime,
        true);
    this.clock = b.clock;
    this.tickets = new InMemoryTickets(type, clock, b.searchLag, b.clockSkew);
    this.overlap = b.overlap;
  }

  public static InMemoryTrackerBuilder builder() {
    return new InMemoryTrackerBuilder();
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  /** A change feed when the builder asked for one; each read is one request of kind {@link Call#CHANGES}. */
  @Override
  public java.util.Optional<ChangeFeed> changeFeed() {
    return overlap == null ? java.util.Optional.empty() : java.util.Optional.of(new InMemoryChangeFeed(this, overlap));
  }

  /** The feed's read: one paged request. */
  synchronized List<TicketSnapshot> changedSince(Instant since) {
    List<TicketSnapshot> changed = tickets.changedSince(since);
    countPaged(Call.CHANGES, Math.max(changed.size(), 1));
    return changed;
  }

  @Override
  public synchronized List<TicketSnapshot> findByKeys(Collection<String> idempotencyKeys) {
    Set<String> wanted = new LinkedHashSet<>(idempotencyKeys);
    List<TicketSnapshot> visible = tickets.searchable().stream()
        .filter(t -> t.idempotencyKey() != null && wanted.contains(t.idempotencyKey())).toList();
    countPaged(Call.FIND_BY_KEYS, Math.max(visible.size(), 1));
    return visible;
  }

  @Override
  public synchronized List<TicketSnapshot> fetch(Collection<String> ticketKeys) {
    countPaged(Call.FETCH, Math.max(ticketKeys.size(), 1));
    return ticketKeys.stream().distinct().map(tickets::find).filter(t -> t != null).toList();
  }

  @Override
  public synchronized List<CreateOutcome> createAll(List<TicketDraft> drafts) {
    List<CreateOutcome> outcomes = new ArrayList<>();
    for (int from = 0; from < drafts.size(); from += capabilities.maxBatchCreate()) {
      List<TicketDraft> batch = drafts.subList(from, Math.min(drafts.size(), from + capabilities.maxBatchCreate()));
      TrackerFault fault = request(Call.CREATE);
      if (fault != null && !fault.appliedNow() && fault != TrackerFault.STILL_WORKING) {
        throw requests.failure(fault);
      }
      boolean lose = lostCreateResponses > 0;
      if (lose) {
        lostCreateResponses--;
      }
      Instant existsFrom = fault == TrackerFault.STILL_WORKING ? later() : clock.instant();
      for (TicketDraft draft : batch) {
        if (draft.title().isBlank()) {
          outcomes.add(CreateOutcome.failed(draft, new TrackerException(type, Kind.INVALID, 400, "title must not be blank")));
          continue;
        }
        outcomes.add(CreateOutcome.created(draft, tickets.create(draft, existsFrom)));
      }
      if (fault != null) {
        throw requests.failure(fault);
      }
      if (lose) {
        throw new TrackerException(type, Kind.TIMEOUT, 0, null, null,
            "no answer to a create request within the timeout (the tickets were created)", null);
      }
    }
    return outcomes;
  }

  @Override
  public synchronized TicketSnapshot update(String ticketKey, TicketDraft draft, Set<TicketField> fields) {
    Set<TicketField> edited = new LinkedHashSet<>(fields);
    if (edited.remove(TicketField.SOURCE_LINK)) {
      apply(request(Call.LINK), () -> tickets.link(ticketKey, draft.sourceUrl()));
    }
    if (!edited.isEmpty()) {
      apply(request(Call.UPDATE), () -> tickets.update(ticketKey, draft, edited));
    }
    return tickets.existing(ticketKey);
  }

  @Override
  public synchronized TicketSnapshot transition(String ticketKey, TicketState target) {
    apply(request(Call.TRANSITION), () -> tickets.changeState(ticketKey, target));
    return tickets.existing(ticketKey);
  }

  @Override
  public synchronized void comment(String ticketKey, String text) {
    apply(request(Call.COMMENT), () -> tickets.comment(ticketKey, text));
  }

  /** Applies a change as the fault says: now, later, or not at all; then fails if there is a fault. */
  private void apply(TrackerFault fault, Runnable change) {
    if (fault == null || fault.appliedNow()) {
      change.run();
    } else if (fault == TrackerFault.STILL_WORKING) {
      tickets.defer(later(), change);
    }
    if (fault != null) {
      throw requests.failure(fault);
    }
  }

  /** When work still running as the client gives up finishes: within the settle time after that. */
  private Instant later() {
    return clock.instant().plus(requests.clientWait()).plus(capabilities.createSettleTime().dividedBy(2));
  }

  /** The comments on a ticket, oldest first. */
  public synchronized List<String> comments(String ticketKey) {
    return tickets.comments(ticketKey);
  }

  /** The link to the postmortem the ticket carries, or {@code null}. */
  public synchronized String sourceLink(String ticketKey) {
    return tickets.sourceLink(ticketKey);
  }

  /** Changes a ticket's state as a person in the tracker would. */
  public synchronized TicketSnapshot changeState(String ticketKey, TicketState state) {
    return tickets.changeState(ticketKey, state);
  }

  /** Assigns a ticket as a person in the tracker would. */
  public synchronized TicketSnapshot changeAssignee(String ticketKey, String assignee) {
    return tickets.changeAssignee(ticketKey, assignee);
  }

  /** Edits a ticket's title as a person in the tracker would. */
  public synchronized TicketSnapshot changeTitle(String ticketKey, String title) {
    return tickets.changeTitle(ticketKey, title);
  }

  /** Deletes a ticket as a person in the tracker would: every later request for it answers 404. */
  public synchronized void delete(String ticketKey) {
    tickets.delete(ticketKey);
  }

  /** Moves a ticket to another project: it gets a new key, and its old key answers with it. */
  public synchronized TicketSnapshot move(String ticketKey) {
    return tickets.move(ticketKey);
  }

  /** The next calls, of any kind, fail with these exceptions, one call each, in order. */
  public synchronized void failNext(TrackerException... next) {
    requests.failNext(List.of(next));
  }

  /** The next calls of one kind fail with these exceptions, one call each, in order. */
  public synchronized void failNext(Call call, TrackerException... next) {
    requests.failNext(call, List.of(next));
  }

  /** The next request of one kind meets this fault. */
  public synchronized void inject(Call call, TrackerFault fault) {
    requests.inject(call, fault);
  }

  /** Faults aimed at a kind of request that have not met one yet. */
  public synchronized int injected(Call call) {
    return requests.injected(call);
  }

  /** The next {@code n} create calls create their tickets, then fail with a timeout. */
  public synchronized void loseCreateResponses(int n) {
    lostCreateResponses = n;
  }

  /** Every ticket that exists now, visible to searches or not. */
  public synchronized List<TicketSnapshot> tickets() {
    return tickets.all();
  }

  public synchronized int calls(Call call) {
    return requests.calls(call);
  }

  /** Calls that change something. */
  public synchronized int writeCalls() {
    return calls(Call.CREATE) + calls(Call.UPDATE) + calls(Call.TRANSITION) + calls(Call.COMMENT) + calls(Call.LINK);
  }

  public synchronized void resetCounts() {
    requests.resetCounts();
  }

  private void countPaged(Call call, int items) {
    int pages = (items + capabilities.maxBatchRead() - 1) / capabilities.maxBatchRead();
    for (int i = 0; i < pages; i++) {
      TrackerFault fault = request(call);
      if (fault != null) {
        throw fault.failure(type);
      }
    }
  }

  /** Counts a request, settles work the tracker finished meanwhile, and throws or returns its fault. */
  private TrackerFault request(Call call) {
    tickets.settle();
    return requests.receive(call);
  }
}
