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

  /** A ticket as the change index holds it, from the moment the index shows it. */
  private record Indexed(Instant visibleFrom, TicketSnapshot ticket) {}

  private final String type;
  private final Clock clock;
  private final Duration searchLag;
  private final Map<String, TicketSnapshot> tickets = new LinkedHashMap<>();
  private final Map<String, Instant> existsFrom = new LinkedHashMap<>();
  private final Map<String, List<String>> comments = new LinkedHashMap<>();
  private final Map<String, String> sourceLinks = new LinkedHashMap<>();
  private final List<Deferred> deferred = new ArrayList<>();
  private final Map<String, String> movedTo = new LinkedHashMap<>();
  private final Map<String, List<Indexed>> index = new LinkedHashMap<>();
  private final Duration clockSkew;
  private long nextNumber = 1;
  private long versionCounter = 1;
  private long writes;

  InMemoryTickets(String type, Clock clock, Duration searchLag, Duration clockSkew) {
    this.type = type;
    this.clock = clock;
    this.searchLag = searchLag;
    this.clockSkew = clockSkew;
  }

  /** The tracker's own clock, which runs ahead of (or behind) the client's by the skew. */
  private Instant trackerNow() {
    return clock.instant().plus(clockSkew);
  }

  /**
   * The tickets whose last change, as the change index shows it now, is at or after {@code since}
   * (the tracker's clock), oldest change first. Any write may reach the index late, not only a
   * create: every other write shows only a search lag after it was made (one vendor's search API
   * says "Recent updates might not be immediately visible": TRACKER-APIS.md), so a later
   * change can be listed before an earlier one, and a ticket is listed as it was before its latest change.
   */
  List<TicketSnapshot> changedSince(Instant since) {
    Instant now = clock.instant();
    List<TicketSnapshot> changed = new ArrayList<>();
    for (var entry : index.entrySet()) {
      TicketSnapshot shown = null;
      for (Indexed i : entry.getValue()) {
        if (!i.visibleFrom().isAfter(now)) {
          shown = i.ticket();
        }
      }
      if (shown != null && !shown.updatedAt().isBefore(since)) {
        changed.add(shown);
      }
    }
    changed.sort(java.util.Comparator.comparing(TicketSnapshot::updatedAt).thenComparing(TicketSnapshot::key));
    return changed;
  }

  private void indexed(TicketSnapshot t, Instant from) {
    Duration lag = writes++ % 2 == 0 ? searchLag : Duration.ZERO;
    List<Indexed> versions = index.computeIfAbsent(t.key(), k -> new ArrayList<>());
    Instant now = clock.instant();
    // Versions older than one the index already shows are never shown again.
    versions.removeIf(old -> versions.stream().anyMatch(v -> v != old && !v.visibleFrom().isAfter(now)
        && v.visibleFrom().isAfter(old.visibleFrom())));
    versions.add(new Indexed(from.plus(lag), t));
  }

  TicketSnapshot create(TicketDraft d, Instant from) {
    String key = "MEM-" + nextNumber++;
    Set<String> labels = new LinkedHashSet<>(d.labels());
    labels.add(d.idempotencyKey());
    TicketSnapshot t = new TicketSnapshot(key, "memory://" + type + "/" + key, d.idempotencyKey(), d.title(),
        d.description(), TicketState.OPEN, d.owner(), d.dueDate(), d.priority(), List.copyOf(labels),
        from.plus(clockSkew), version());
    tickets.put(key, t);
    existsFrom.put(key, from);
    indexed(t, from);
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
        t.description(), t.state(), t.assignee(), t.dueDate(), t.priority(), t.labels(), trackerNow(), version());
    existsFrom.put(newKey, existsFrom.remove(t.key()));
    tickets.remove(t.key());
    index.remove(t.key());
    tickets.put(newKey, moved);
    indexed(moved, clock.instant());
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
    index.remove(key);
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
        List.copyOf(labels), trackerNow(), version()));
  }

  TicketSnapshot changeState(String key, TicketState state) {
    TicketSnapshot t = existing(key);
    return put(new TicketSnapshot(t.key(), t.url(), t.idempotencyKey(), t.title(), t.description(), state,
        t.assignee(), t.dueDate(), t.priority(), t.labels(), trackerNow(), version()));
  }

  TicketSnapshot changeAssignee(String key, String assignee) {
    TicketSnapshot t = existing(key);
    return put(new TicketSnapshot(t.key(), t.url(), t.idempotencyKey(), t.title(), t.description(), t.state(),
        assignee, t.dueDate(), t.priority(), t.labels(), trackerNow(), version()));
  }

  TicketSnapshot changeTitle(String key, String title) {
    TicketSnapshot t = existing(key);
    return put(new TicketSnapshot(t.key(), t.url(), t.idempotencyKey(), title, t.description(), t.state(),
        t.assignee(), t.dueDate(), t.priority(), t.labels(), trackerNow(), version()));
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
    indexed(t, clock.instant());
    return t;
  }

  private String version() {
    return String.valueOf(versionCounter++);
  }
}
