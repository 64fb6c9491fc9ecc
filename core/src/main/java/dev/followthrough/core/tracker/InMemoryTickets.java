package dev.followthrough.core.tracker;

import dev.followthrough.core.tracker.TrackerException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tickets of an {@link InMemoryTracker}: when each came to exist (work still in progress
 * when its client gave up finishes later), when searches see it, comments and source links.
 * Not thread-safe; the tracker guards it.
 */
final class InMemoryTickets {
  private record Deferred(Instant at, Runnable change) {}

  private final String type;
  private final Clock clock;
  private final Duration searchLag;
  private final Map<String, TicketSnapshot> tickets = new LinkedHashMap<>();
  private final Map<String, Instant> existsFrom = new LinkedHashMap<>();
  private final Map<String, List<String>> comments = new LinkedHashMap<>();
  private final Map<String, String> sourceLinks = new LinkedHashMap<>();
  private final List<Deferred> deferred = new ArrayList<>();
  private final Map<String, String> movedTo = new LinkedHashMap<>();
  private long nextNumber = 1;
  private long versionCounter = 1;

  InMemoryTickets(String type, Clock clock, Duration searchLag) {
    this.type = type;
    this.clock = clock;
    this.searchLag = searchLag;
  }

  TicketSnapshot create(TicketDraft d, Instant from) {
    String key = "MEM-" + nextNumber++;
    Set<String> labels = new LinkedHashSet<>(d.labels());
    labels.add(d.idempotencyKey());
    TicketSnapshot t = new TicketSnapshot(key, "memory://" + type + "/" + key, d.idempotencyKey(), d.title(),
        d.description(), TicketState.OPEN, d.owner(), d.dueDate(), d.priority(), List.copyOf(labels), from, version());
    tickets.put(key, t);
    existsFrom.put(key, from);
    return t;
  }

  /** Runs the work whose time has come. */
  void settle() {
    Instant now = clock.instant();
    for (Iterator<Deferred> i = deferred.iterator(); i.hasNext(); ) {
      Deferred d = i.next();
      if (!d.at().isAfter(now)) {
        i.remove();
        try {
          d.change().run();
        } catch (TrackerException e) {
          // The ticket went away before the work finished; so would it in a real tracker.
        }
      }
    }
  }

  void defer(Instant at, Runnable change) {
    deferred.add(new Deferred(at, change));
  }

  /** The ticket, or {@code null} when it does not exist (yet, or any more); an old key finds a moved ticket. */
  TicketSnapshot find(String key) {
    String current = key;
    while (movedTo.containsKey(current)) {
      current = movedTo.get(current);
    }
    TicketSnapshot t = tickets.get(current);
    return t == null || existsFrom.get(current).isAfter(clock.instant()) ? null : t;
  }

  /**
   * Moves a ticket to another project, as a person can in some trackers: it gets a new key, keeps its fields
   * and comments, and a request for its old key answers with the ticket under the new key.
   */
  TicketSnapshot move(String key) {
    TicketSnapshot t = existing(key);
    String newKey = "MOVED-" + nextNumber++;
    TicketSnapshot moved = new TicketSnapshot(newKey, "memory://" + type + "/" + newKey, t.idempotencyKey(), t.title(),
        t.description(), t.state(), t.assignee(), t.dueDate(), t.priority(), t.labels(), clock.instant(), version());
    existsFrom.put(newKey, existsFrom.remove(t.key()));
    tickets.remove(t.key());
    tickets.put(newKey, moved);
    comments.put(newKey, comments.getOrDefault(t.key(), new ArrayList<>()));
    movedTo.put(t.key(), newKey);
    return moved;
  }

  TicketSnapshot existing(String key) {
    TicketSnapshot t = find(key);
    if (t == null) {
      throw new TrackerException(type, Kind.NOT_FOUND, 404, key, null, "ticket " + key + " does not exist", null);
    }
    return t;
  }

  /** The tickets a search finds now: those that existed a search lag ago. */
  List<TicketSnapshot> searchable() {
    Instant indexedUpTo = clock.instant().minus(searchLag);
    return tickets.values().stream().filter(t -> !existsFrom.get(t.key()).isAfter(indexedUpTo)).toList();
  }

  List<TicketSnapshot> all() {
    return tickets.values().stream().filter(t -> find(t.key()) != null).toList();
  }

  void delete(String key) {
    existing(key);
    tickets.remove(key);
    existsFrom.remove(key);
  }

  TicketSnapshot update(String key, TicketDraft d, Set<TicketField> fields) {
    TicketSnapshot t = existing(key);
    Set<String> labels = new LinkedHashSet<>(t.labels());
    if (fields.contains(TicketField.LABELS)) {
      labels.removeAll(d.formerKeys());
      labels.addAll(d.labels());
      labels.add(d.idempotencyKey());
    }
    return put(new TicketSnapshot(t.key(), t.url(), fields.contains(TicketField.LABELS) ? d.idempotencyKey() : t.idempotencyKey(),
        fields.contains(TicketField.TITLE) ? d.title() : t.title(),
        fields.contains(TicketField.DESCRIPTION) ? d.description() : t.description(),
        t.state(),
        fields.contains(TicketField.ASSIGNEE) ? d.owner() : t.assignee(),
        fields.contains(TicketField.DUE_DATE) ? d.dueDate() : t.dueDate(),
        fields.contains(TicketField.PRIORITY) ? d.priority() : t.priority(),
        List.copyOf(labels), clock.instant(), version()));
  }

  TicketSnapshot changeState(String key, TicketState state) {
    TicketSnapshot t = existing(key);
    return put(new TicketSnapshot(t.key(), t.url(), t.idempotencyKey(), t.title(), t.description(), state,
        t.assignee(), t.dueDate(), t.priority(), t.labels(), clock.instant(), version()));
  }

  TicketSnapshot changeAssignee(String key, String assignee) {
    TicketSnapshot t = existing(key);
    return put(new TicketSnapshot(t.key(), t.url(), t.idempotencyKey(), t.title(), t.description(), t.state(),
        assignee, t.dueDate(), t.priority(), t.labels(), clock.instant(), version()));
  }

  TicketSnapshot changeTitle(String key, String title) {
    TicketSnapshot t = existing(key);
    return put(new TicketSnapshot(t.key(), t.url(), t.idempotencyKey(), title, t.description(), t.state(),
        t.assignee(), t.dueDate(), t.priority(), t.labels(), clock.instant(), version()));
  }

  void comment(String key, String text) {
    existing(key);
    comments.computeIfAbsent(key, k -> new ArrayList<>()).add(text);
  }

  List<String> comments(String key) {
    return List.copyOf(comments.getOrDefault(key, List.of()));
  }

  /** Like a remote link with a fixed global id: setting it again replaces it. */
  void link(String key, String url) {
    existing(key);
    sourceLinks.put(key, url);
  }

  String sourceLink(String key) {
    return sourceLinks.get(key);
  }

  private TicketSnapshot put(TicketSnapshot t) {
    tickets.put(t.key(), t);
    return t;
  }

  private String version() {
    return String.valueOf(versionCounter++);
  }
}
