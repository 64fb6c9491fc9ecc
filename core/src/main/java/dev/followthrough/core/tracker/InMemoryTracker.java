package dev.followthrough.core.tracker;

import dev.followthrough.core.tracker.TrackerException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tracker that keeps its tickets in memory, for embedding tests, demos and the compatibility
 * kit. It behaves like a remote tracker where it matters: reads come in pages, creates in batches,
 * new tickets can stay invisible to searches for a while, and failures can be injected, including
 * a create whose response is lost after the ticket was made.
 *
 * <p>Thread-safe.
 */
public final class InMemoryTracker implements Tracker {
  /** Calls counted by {@link #calls(Call)}. */
  public enum Call { FIND_BY_KEYS, FETCH, CREATE, UPDATE, TRANSITION, COMMENT }

  private final String type;
  private final Capabilities capabilities;
  private final Clock clock;
  private final Map<String, TicketSnapshot> tickets = new LinkedHashMap<>();
  private final Map<String, java.time.Instant> visibleFrom = new LinkedHashMap<>();
  private final Map<Call, Integer> calls = new EnumMap<>(Call.class);
  private final Map<String, List<String>> comments = new LinkedHashMap<>();
  private final Deque<TrackerException> failures = new ArrayDeque<>();
  private final Map<Call, Deque<TrackerException>> failuresOf = new EnumMap<>(Call.class);
  private int lostCreateResponses;
  private long nextNumber = 1;
  private long versionCounter = 1;

  private InMemoryTracker(Builder b) {
    this.type = b.type;
    this.capabilities = new Capabilities(b.batchCreate, b.pageSize, true, b.searchLag, true);
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public synchronized List<TicketSnapshot> findByKeys(Collection<String> idempotencyKeys) {
    Set<String> wanted = new LinkedHashSet<>(idempotencyKeys);
    List<TicketSnapshot> visible = tickets.values().stream()
        .filter(t -> t.idempotencyKey() != null && wanted.contains(t.idempotencyKey()))
        .filter(t -> !visibleFrom.getOrDefault(t.key(), java.time.Instant.MIN).isAfter(clock.instant()))
        .toList();
    countPaged(Call.FIND_BY_KEYS, Math.max(visible.size(), 1));
    return visible;
  }

  @Override
  public synchronized List<TicketSnapshot> fetch(Collection<String> ticketKeys) {
    countPaged(Call.FETCH, Math.max(ticketKeys.size(), 1));
    return ticketKeys.stream().distinct().map(tickets::get).filter(t -> t != null).toList();
  }

  @Override
  public synchronized List<CreateOutcome> createAll(List<TicketDraft> drafts) {
    List<CreateOutcome> outcomes = new ArrayList<>();
    for (int from = 0; from < drafts.size(); from += capabilities.maxBatchCreate()) {
      List<TicketDraft> batch = drafts.subList(from, Math.min(drafts.size(), from + capabilities.maxBatchCreate()));
      count(Call.CREATE);
      failIfInjected(Call.CREATE);
      boolean lose = lostCreateResponses > 0;
      if (lose) {
        lostCreateResponses--;
      }
      for (TicketDraft draft : batch) {
        if (draft.title().isBlank()) {
          outcomes.add(CreateOutcome.failed(draft, new TrackerException(type, Kind.INVALID, 400, "title must not be blank")));
          continue;
        }
        String key = "MEM-" + nextNumber++;
        TicketSnapshot created = snapshot(key, draft, draft.state(), draft.owner());
        tickets.put(key, created);
        if (!capabilities.searchLag().isZero()) {
          visibleFrom.put(key, clock.instant().plus(capabilities.searchLag()));
        }
        outcomes.add(CreateOutcome.created(draft, created));
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
    count(Call.UPDATE);
    failIfInjected(Call.UPDATE);
    TicketSnapshot t = existing(ticketKey);
    TicketSnapshot updated = new TicketSnapshot(t.key(), t.url(), t.idempotencyKey(),
        fields.contains(TicketField.TITLE) ? draft.title() : t.title(),
        fields.contains(TicketField.DESCRIPTION) ? draft.description() : t.description(),
        t.state(),
        fields.contains(TicketField.ASSIGNEE) ? draft.owner() : t.assignee(),
        fields.contains(TicketField.DUE_DATE) ? draft.dueDate() : t.dueDate(),
        fields.contains(TicketField.PRIORITY) ? draft.priority() : t.priority(),
        fields.contains(TicketField.LABELS) ? withKey(draft) : t.labels(),
        clock.instant(), String.valueOf(versionCounter++));
    tickets.put(ticketKey, updated);
    return updated;
  }

  @Override
  public synchronized TicketSnapshot transition(String ticketKey, TicketState target) {
    count(Call.TRANSITION);
    failIfInjected(Call.TRANSITION);
    return changeState(ticketKey, target);
  }

  @Override
  public synchronized void comment(String ticketKey, String text) {
    count(Call.COMMENT);
    failIfInjected(Call.COMMENT);
    existing(ticketKey);
    comments.computeIfAbsent(ticketKey, k -> new ArrayList<>()).add(text);
  }

  /** The comments on a ticket, oldest first. */
  public synchronized List<String> comments(String ticketKey) {
    return List.copyOf(comments.getOrDefault(ticketKey, List.of()));
  }

  // ---- What a test does "in the tracker" -------------------------------------------------

  /** Changes a ticket's state as a person in the tracker would. */
  public synchronized TicketSnapshot changeState(String ticketKey, TicketState state) {
    TicketSnapshot t = existing(ticketKey);
    return put(new TicketSnapshot(t.key(), t.url(), t.idempotencyKey(), t.title(), t.description(), state,
        t.assignee(), t.dueDate(), t.priority(), t.labels(), clock.instant(), String.valueOf(versionCounter++)));
  }

  /** Assigns a ticket as a person in the tracker would. */
  public synchronized TicketSnapshot changeAssignee(String ticketKey, String assignee) {
    TicketSnapshot t = existing(ticketKey);
    return put(new TicketSnapshot(t.key(), t.url(), t.idempotencyKey(), t.title(), t.description(), t.state(),
        assignee, t.dueDate(), t.priority(), t.labels(), clock.instant(), String.valueOf(versionCounter++)));
  }

  /** Edits a ticket's title as a person in the tracker would. */
  public synchronized TicketSnapshot changeTitle(String ticketKey, String title) {
    TicketSnapshot t = existing(ticketKey);
    return put(new TicketSnapshot(t.key(), t.url(), t.idempotencyKey(), title, t.description(), t.state(),
        t.assignee(), t.dueDate(), t.priority(), t.labels(), clock.instant(), String.valueOf(versionCounter++)));
  }

  /** The next calls, of any kind, fail with these exceptions, one call each, in order. */
  public synchronized void failNext(TrackerException... next) {
    failures.addAll(List.of(next));
  }

  /** The next calls of one kind fail with these exceptions, one call each, in order. */
  public synchronized void failNext(Call call, TrackerException... next) {
    failuresOf.computeIfAbsent(call, c -> new ArrayDeque<>()).addAll(List.of(next));
  }

  /** The next {@code n} create calls create their tickets, then fail with a timeout. */
  public synchronized void loseCreateResponses(int n) {
    lostCreateResponses = n;
  }

  public synchronized List<TicketSnapshot> tickets() {
    return List.copyOf(tickets.values());
  }

  public synchronized int calls(Call call) {
    return calls.getOrDefault(call, 0);
  }

  /** Calls that change something in the tracker. */
  public synchronized int writeCalls() {
    return calls(Call.CREATE) + calls(Call.UPDATE) + calls(Call.TRANSITION) + calls(Call.COMMENT);
  }

  public synchronized void resetCounts() {
    calls.clear();
  }

  private TicketSnapshot put(TicketSnapshot t) {
    tickets.put(t.key(), t);
    return t;
  }

  private TicketSnapshot existing(String ticketKey) {
    TicketSnapshot t = tickets.get(ticketKey);
    if (t == null) {
      throw new TrackerException(type, Kind.NOT_FOUND, 404, ticketKey, null, "ticket " + ticketKey + " does not exist", null);
    }
    return t;
  }

  private TicketSnapshot snapshot(String key, TicketDraft d, TicketState state, String assignee) {
    return new TicketSnapshot(key, "memory://" + type + "/" + key, d.idempotencyKey(), d.title(), d.description(),
        state, assignee, d.dueDate(), d.priority(), withKey(d), clock.instant(), String.valueOf(versionCounter++));
  }

  private static List<String> withKey(TicketDraft d) {
    Set<String> labels = new LinkedHashSet<>(d.labels());
    labels.add(d.idempotencyKey());
    return List.copyOf(labels);
  }

  private void countPaged(Call call, int items) {
    int pages = (items + capabilities.maxBatchRead() - 1) / capabilities.maxBatchRead();
    for (int i = 0; i < pages; i++) {
      count(call);
      failIfInjected(call);
    }
  }

  private void count(Call call) {
    calls.merge(call, 1, Integer::sum);
  }

  private void failIfInjected(Call call) {
    Deque<TrackerException> specific = failuresOf.get(call);
    TrackerException next = specific == null || specific.isEmpty() ? failures.poll() : specific.poll();
    if (next != null) {
      throw next;
    }
  }

  /** Builds an {@link InMemoryTracker}. */
  public static final class Builder {
    private String type = "memory";
    private int batchCreate = 50;
    private int pageSize = 100;
    private Duration searchLag = Duration.ZERO;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The type name it reports (default {@code memory}). */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** Tickets per create call; 1 means no batch create (default 50). */
    public Builder batchCreate(int size) {
      this.batchCreate = size;
      return this;
    }

    /** Tickets per read call (default 100). */
    public Builder pageSize(int size) {
      this.pageSize = size;
      return this;
    }

    /**
     * How long a new ticket stays invisible to {@link #findByKeys} (by the tracker's clock), as in
     * a lagging search index; also announced in its capabilities.
     */
    public Builder searchLag(Duration lag) {
      this.searchLag = lag;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public InMemoryTracker build() {
      return new InMemoryTracker(this);
    }
  }
}
