package dev.followthrough.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ticket that tracks an action item in an issue tracker.
 *
 * @param tracker the tracker's type name, such as {@code jira} or {@code github}
 * @param key the ticket's key in that tracker ({@code OPS-12}, {@code 42})
 * @param url where a person can open the ticket, or {@code null}
 * @param syncedAt when the last sync saw both sides agree, or {@code null} before the first
 * @param syncedFields the field values both sides had at {@code syncedAt}; a sync compares
 *     against them to tell which side changed a field
 */
public record TicketLink(
    String tracker, String key, String url, Instant syncedAt, Map<String, String> syncedFields) {
  public TicketLink {
    new Problems("ticket link").notBlank("tracker", tracker).notBlank("key", key).throwIfAny();
    url = Text.blankToNull(url);
    syncedFields =
        syncedFields == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(syncedFields));
  }

  public static TicketLink of(String tracker, String key, String url) {
    return new TicketLink(tracker, key, url, null, Map.of());
  }
}
