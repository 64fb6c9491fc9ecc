package dev.followthrough.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ticket that tracks an action item in an issue tracker.
 *
 * @param tracker the tracker's type name, such as {@code jira} or {@code github}
 * @param key the ticket's key in that tracker ({@code OPS-12}, {@code 42}); {@code null} only
 *     while a create is pending
 * @param url where a person can open the ticket, or {@code null}
 * @param syncedAt when the last sync saw both sides agree, or {@code null} before the first
 * @param syncedFields the field values both sides had at {@code syncedAt}; a sync compares
 *     against them to tell which side changed a field
 * @param createRequestedAt set when a sync decided to create the ticket and stored that intent
 *     before calling the tracker; while the key is unknown, the next sync looks for a ticket
 *     carrying the item's key before it creates one
 */
public record TicketLink(
    String tracker,
    String key,
    String url,
    Instant syncedAt,
    Map<String, String> syncedFields,
    Instant createRequestedAt) {
  public TicketLink {
    new Problems("ticket link")
        .notBlank("tracker", tracker)
        .check(key == null || !key.isBlank(), "key: must not be blank")
        .check(key != null || createRequestedAt != null, "key: must be given unless a create is pending")
        .throwIfAny();
    url = Text.blankToNull(url);
    syncedFields =
        syncedFields == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(syncedFields));
  }

  public TicketLink(String tracker, String key, String url, Instant syncedAt, Map<String, String> syncedFields) {
    this(tracker, key, url, syncedAt, syncedFields, null);
  }

  public static TicketLink of(String tracker, String key, String url) {
    return new TicketLink(tracker, key, url, null, Map.of(), null);
  }

  /** The intent to create a ticket, stored before the create call is made. */
  public static TicketLink pendingCreate(String tracker, Instant requestedAt) {
    return new TicketLink(tracker, null, null, null, Map.of(), requestedAt);
  }

  public boolean isPending() {
    return key == null;
  }
}
