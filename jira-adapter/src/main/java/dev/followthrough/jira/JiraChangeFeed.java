package dev.followthrough.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.tracker.ChangeFeed;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's Followthrough issues changed since an instant, in one JQL search:
 * {@code updated >= <epoch milliseconds>} (a number, so neither the searching account's time zone
 * nor JQL's minute resolution for {@code "yyyy/MM/dd HH:mm"} can shift it), sorted by
 * {@code updated, key}, only the fields a sync compares. Cloud pages by {@code nextPageToken},
 * Data Center by {@code startAt}: offset paging repeats an issue changed while the pages are read
 * (it moves to the end) and skips the one that slid into its place, so issues are kept once (the
 * newer copy), and a read that met a repeat or a changed {@code total} is read again from the start.
 */
final class JiraChangeFeed implements ChangeFeed {
  /** Reads of a result that keeps changing under the pages before giving up for this run. */
  static final int ATTEMPTS = 3;

  private final JiraClient client;
  private final JiraFields fields;
  private final JiraUsers users;
  private final String project;
  private final String scope;
  private final Duration overlap;

  JiraChangeFeed(JiraClient client, JiraFields fields, JiraUsers users, String project, String site, Duration overlap) {
    this.client = client;
    this.fields = fields;
    this.users = users;
    this.project = project;
    this.scope = "jira:" + site + "/" + project;
    this.overlap = overlap;
  }

  @Override
  public String scope() {
    return scope;
  }

  @Override
  public Duration overlap() {
    return overlap;
  }

  String jql(Instant since) {
    return "project = " + JiraSearch.quote(project) + " AND labels = " + JiraSearch.quote(JiraFields.MARKER)
        + " AND updated >= " + since.toEpochMilli() + " ORDER BY updated ASC, key ASC";
  }

  @Override
  public List<TicketSnapshot> changedSince(Instant since) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      List<TicketSnapshot> read = readOnce(jql(since));
      if (read != null) {
        return read;
      }
    }
    throw new TrackerException(JiraClient.TRACKER, Kind.TRANSIENT, 0, null, null,
        "the issues changed while their pages were read, " + ATTEMPTS + " times; the next sync reads them again", null);
  }

  /** One read of every page; {@code null} when the pages shifted under it. */
  private List<TicketSnapshot> readOnce(String jql) {
    Map<String, TicketSnapshot> byKey = new LinkedHashMap<>();
    boolean shifted = false;
    ArrayNode fieldList = JiraClient.json().valueToTree(JiraFields.READ);
    String token = null;
    int startAt = 0;
    Integer total = null;
    while (true) {
      ObjectNode body = JiraClient.object().put("jql", jql).put("maxResults", JiraSearch.PAGE);
      body.set("fields", fieldList);
      if (client.deployment() == JiraDeployment.CLOUD) {
        if (token != null) {
          body.put("nextPageToken", token);
        }
      } else {
        body.put("startAt", startAt);
      }
      JsonNode page = client.post(client.deployment() == JiraDeployment.CLOUD ? "/search/jql" : "/search", body, null);
      JsonNode issues = page.path("issues");
      for (JsonNode issue : issues) {
        TicketSnapshot t = fields.snapshot(issue, users, null);
        TicketSnapshot before = byKey.put(t.key(), t);
        if (before != null) {
          shifted = true;
          if (before.updatedAt() != null && t.updatedAt() != null && before.updatedAt().isAfter(t.updatedAt())) {
            byKey.put(t.key(), before);
          }
        }
      }
      if (client.deployment() == JiraDeployment.CLOUD) {
        token = page.path("isLast").asBoolean(false) ? null : page.path("nextPageToken").asText(null);
        if (token == null) {
          break;
        }
      } else {
        int pageTotal = page.path("total").asInt(0);
        shifted |= total != null && total != pageTotal;
        total = pageTotal;
        startAt += issues.size();
        if (issues.isEmpty() || startAt >= pageTotal) {
          break;
        }
      }
    }
    if (shifted) {
      return null;
    }
    List<TicketSnapshot> changed = new ArrayList<>(byKey.values());
    changed.sort(Comparator.comparing(TicketSnapshot::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(TicketSnapshot::key));
    return changed;
  }
}
