package dev.followthrough.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ticket that tracks an action item in an issue tracker.
 *
 * @param tracker the tracker's type name, as its provider names it
 * @param key the ticket's key in that tracker ({@code OPS-12}, {@code 42}); {@code null} only
 *     while a create is pending
 * @param url where a person can open the ticket, or {@code null}
 * @param syncedAt when the last sync saw both sides agree, or {@code null} before the first
 * @param syncedFields the field values both sides had at {@code syncedAt}; a sync compares
 *     against them to tell which side changed a field
 * @param createRequestedAt while a create is pending: when the intent was stored, just before the
 *     create request was sent. The next sync looks for a ticket carrying the item's key, and
 *     creates one only once the tracker's recovery window has passed since then
 * @param state {@link State#PENDING} while the key is unknown, {@link State#DELETED} once the
 *     tracker said the ticket no longer exists, else {@link State#LINKED}; {@code null} derives it
 *     from the key
 */
public record TicketLink(
    String tracker,
    String key,
    String url,
    Instant syncedAt,
    Map<String, String> syncedFields,
    Instant createRequestedAt,
    State state) {

  /** What a sync knows of the ticket. */
  public enum State {
    /** The ticket exists, as far as the last sync could tell. */
    LINKED,
    /** A create was requested and its ticket is not known yet. */
    PENDING,
    /**
     * The tracker answered that the ticket is gone (404, 410). Nothing is synced for the item until
     * a person unlinks it (the next sync creates a new ticket) or closes the item.
     */
    DELETED
  }

  public TicketLink {
    state = state != null ? state : key == null ? State.PENDING : State.LINKED;
    new Problems("ticket link")
        .notBlank("tracker", tracker)
        .check(key == null || !key.isBlank(), "key: must not be blank")
        .check(key != null || createRequestedAt != null, "key: must be given unless a create is pending")
        .check((key == null) == (state == State.PENDING), "state: PENDING exactly when the key is unknown")
        .throwIfAny();
    url = Text.blankToNull(url);
    syncedFields =
        syncedFields == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(syncedFields));
  }

  public TicketLink(String tracker, String key, String url, Instant syncedAt, Map<String, String> syncedFields,
      Instant createRequestedAt) {
    this(tracker, key, url, syncedAt, syncedFields, createRequestedAt, null);
  }

  public TicketLink(String tracker, String key, String url, Instant syncedAt, Map<String, String> syncedFields) {
    this(tracker, key, url, syncedAt, syncedFields, null, null);
  }

  public static TicketLink of(String tracker, String key, String url) {
    return new TicketLink(tracker, key, url, null, Map.of(), null, null);
  }

  /** The intent to create a ticket, stored before the create call is made. */
  public static TicketLink pendingCreate(String tracker, Instant requestedAt) {
    return new TicketLink(tracker, null, null, null, Map.of(), requestedAt, State.PENDING);
  }

  public boolean isPending() {
    return state == State.PENDING;
  }

  public boolean isDeleted() {
    return state == State.DELETED;
  }

  /** The same link to a ticket the tracker moved (another project or repository) and gave a new key. */
  public TicketLink movedTo(String newKey, String newUrl) {
    return new TicketLink(tracker, newKey, newUrl != null ? newUrl : url, syncedAt, syncedFields, null, State.LINKED);
  }

  /** The same link, marked as pointing at a ticket the tracker no longer has. */
  public TicketLink deleted() {
    return new TicketLink(tracker, key, url, syncedAt, syncedFields, null, State.DELETED);
  }
}
