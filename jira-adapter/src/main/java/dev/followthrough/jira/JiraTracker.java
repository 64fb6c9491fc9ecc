package dev.followthrough.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.tracker.Capabilities;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Jira Cloud (REST v3) or Data Center (REST v2) as a {@link Tracker}: bulk create in batches of
 * 50, edits of the changed fields only, transitions chosen by status category, and batched JQL
 * searches (by the idempotency-key label, or by issue key) to read tickets back.
 *
 * <pre>{@code
 * Tracker jira = JiraTracker.cloud(URI.create("https://example.atlassian.net"), "bot@example.com", token)
 *     .project("OPS").build();
 * }</pre>
 */
public final class JiraTracker implements Tracker {
  static final int MAX_BATCH_CREATE = 50;

  private final JiraClient client;
  private final URI site;
  private final String project;
  private final String issueType;
  private final JiraFields fields;
  private final JiraUsers users;
  private final JiraSearch search;
  private final JiraTransitions transitions;
  private final Capabilities capabilities;
  private final String parent;
  private final JiraEpics epics;
  private final JiraChangeFeed changes;

  JiraTracker(JiraTrackerBuilder b) {
    this.parent = b.parent;
    this.site = b.site;
    this.client = new JiraClient(b.site, b.deployment, b.email, b.token, b.http, b.requestTimeout, b.clock);
    this.project = b.project;
    this.issueType = b.issueType;
    this.fields = new JiraFields(b.deployment, b.priorities);
    this.users = new JiraUsers(client, b.users);
    this.search = new JiraSearch(client, fields, users, project);
    this.transitions = new JiraTransitions(client);
    this.epics = b.epicIssueType == null ? null : new JiraEpics(client, search, project, b.epicIssueType);
    this.changes = b.overlap == null ? null : new JiraChangeFeed(client, fields, users, project, b.site.toString(), b.overlap);
    // A create that timed out may still complete on Jira's side within about the request timeout;
    // the remote link to the postmortem is kept apart from the description.
    this.capabilities = new Capabilities(MAX_BATCH_CREATE, JiraSearch.PAGE, true, b.searchLag, true, b.requestTimeout,
        b.requestTimeout, true);
  }

  /**
   * A cited issue is this tracker's when its key is in the configured project and its URL, if the
   * document gave one, is on the configured site: another team's project is never written to.
   */
  @Override
  public boolean holds(dev.followthrough.core.model.TicketLink cited) {
    boolean inProject = cited.key().regionMatches(true, 0, project + "-", 0, project.length() + 1);
    String host = hostOf(cited.url());
    return inProject && (host == null || host.equalsIgnoreCase(site.getHost()));
  }

  private static String hostOf(String url) {
    try {
      return url == null ? null : URI.create(url.trim()).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Jira Cloud: e-mail and API token (Basic authentication). */
  public static JiraTrackerBuilder cloud(URI site, String email, Secret token) {
    return new JiraTrackerBuilder(JiraDeployment.CLOUD, site, Objects.requireNonNull(email, "email"), token);
  }

  /** Jira Data Center: a personal access token (Bearer authentication). */
  public static JiraTrackerBuilder dataCenter(URI site, Secret token) {
    return new JiraTrackerBuilder(JiraDeployment.DATA_CENTER, site, null, token);
  }

  @Override
  public String type() {
    return JiraClient.TRACKER;
  }

  /** The project's Followthrough issues changed since an instant, in one search ({@link JiraChangeFeed}). */
  @Override
  public java.util.Optional<dev.followthrough.core.tracker.ChangeFeed> changeFeed() {
    return java.util.Optional.ofNullable(changes);
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  /** User searches sent so far (one per distinct owner at most). */
  public int userLookups() {
    return users.lookups();
  }

  @Override
  public List<TicketSnapshot> findByKeys(Collection<String> idempotencyKeys) {
    return search.byLabels(List.copyOf(new LinkedHashSet<>(idempotencyKeys)));
  }

  @Override
  public List<TicketSnapshot> fetch(Collection<String> ticketKeys) {
    return search.byKeys(List.copyOf(new LinkedHashSet<>(ticketKeys)));
  }

  @Override
  public List<CreateOutcome> createAll(List<TicketDraft> drafts) {
    List<CreateOutcome> outcomes = new ArrayList<>();
    for (int from = 0; from < drafts.size(); from += MAX_BATCH_CREATE) {
      outcomes.addAll(createBatch(drafts.subList(from, Math.min(drafts.size(), from + MAX_BATCH_CREATE))));
    }
    return outcomes;
  }

  /** One bulk create, and nothing after it: closing and linking are the engine's follow-up steps. */
  private List<CreateOutcome> createBatch(List<TicketDraft> batch) {
    if (epics != null) {
      epics.ensure(batch);
    }
    ObjectNode body = JiraClient.object();
    ArrayNode updates = body.putArray("issueUpdates");
    for (TicketDraft d : batch) {
      ObjectNode update = updates.addObject();
      update.set("fields", createFields(d));
      update.putArray("properties").add(property(d));
    }
    JsonNode answer = client.postBulk("/issue/bulk", body);
    CreateOutcome[] outcomes = new CreateOutcome[batch.size()];
    for (JsonNode error : answer.path("errors")) {
      int index = error.path("failedElementNumber").asInt(-1);
      if (index >= 0 && index < batch.size()) {
        int status = error.path("status").asInt(400);
        outcomes[index] = CreateOutcome.failed(batch.get(index), new TrackerException(JiraClient.TRACKER,
            status == 429 ? Kind.RATE_LIMITED : status >= 500 ? Kind.TRANSIENT : Kind.INVALID, status,
            "could not create \"" + batch.get(index).title() + "\"" + JiraClient.describeErrors(error.path("elementErrors"))));
      }
    }
    // Jira lists the created issues in request order, leaving out the failed elements.
    var created = answer.path("issues").elements();
    for (int i = 0; i < batch.size(); i++) {
      if (outcomes[i] == null) {
        outcomes[i] = created.hasNext() ? CreateOutcome.created(batch.get(i), createdTicket(batch.get(i), created.next()))
            : CreateOutcome.failed(batch.get(i), new TrackerException(JiraClient.TRACKER, Kind.MALFORMED, 201,
                "Jira's bulk answer lists fewer issues than were sent"));
      }
    }
    return List.of(outcomes);
  }

  private TicketSnapshot createdTicket(TicketDraft d, JsonNode created) {
    String key = created.path("key").asText();
    String self = created.path("self").asText("");
    String url = self.contains("/rest/api/") ? self.substring(0, self.indexOf("/rest/api/")) + "/browse/" + key
        : client.site() + "/browse/" + key;
    return new TicketSnapshot(key, url, d.idempotencyKey(), d.title(), d.description(), TicketState.OPEN,
        users.assigneeAs(d.owner()).orElse(null), d.dueDate(), d.priority(), JiraFields.labels(d), null, null);
  }

  /** The full ids behind the key, as an issue property (not searchable, but kept with the issue). */
  private static ObjectNode property(TicketDraft d) {
    ObjectNode property = JiraClient.object().put("key", "followthrough");
    ObjectNode value = property.putObject("value").put("idempotencyKey", d.idempotencyKey());
    if (d.postmortemId() != null) {
      value.put("postmortemId", d.postmortemId());
    }
    return property;
  }

  private ObjectNode createFields(TicketDraft d) {
    ObjectNode f = JiraClient.object();
    f.putObject("project").put("key", project);
    f.putObject("issuetype").put("name", issueType);
    f.put("summary", d.title());
    f.set("description", fields.description(d));
    f.set("labels", JiraFields.labelsNode(d));
    if (d.dueDate() != null) {
      f.put("duedate", d.dueDate().toString());
    }
    if (d.priority() != null) {
      f.putObject("priority").put("name", fields.priorityName(d.priority()));
    }
    users.accountOf(d.owner()).ifPresent(a -> f.set("assignee", JiraUsers.assigneeNode(client.deployment(), a)));
    String parentKey = parent != null ? parent : epics != null ? epics.of(d.postmortemId()) : null;
    if (parentKey != null) {
      f.putObject("parent").put("key", parentKey);
    }
    return f;
  }

  @Override
  public TicketSnapshot update(String ticketKey, TicketDraft d, Set<TicketField> changed) {
    ObjectNode body = JiraClient.object();
    ObjectNode f = body.putObject("fields");
    for (TicketField field : changed) {
      switch (field) {
        case TITLE -> f.put("summary", d.title());
        case DESCRIPTION -> f.set("description", fields.description(d));
        case DUE_DATE -> f.put("duedate", d.dueDate() == null ? null : d.dueDate().toString());
        case PRIORITY -> {
          if (d.priority() != null) {
            f.putObject("priority").put("name", fields.priorityName(d.priority()));
          }
        }
        case LABELS -> {
          // Added, not replaced: labels people put on the ticket stay; keys of older formats go.
          ArrayNode ops = body.putObject("update").putArray("labels");
          JiraFields.labels(d).forEach(l -> ops.addObject().put("add", l));
          d.formerKeys().forEach(l -> ops.addObject().put("remove", l));
        }
        case ASSIGNEE -> users.accountOf(d.owner())
            .ifPresent(a -> f.set("assignee", JiraUsers.assigneeNode(client.deployment(), a)));
        case STATE, SOURCE_LINK -> {
          // States change through transitions; the source link is a remote link, below.
        }
      }
    }
    if (!f.isEmpty() || body.has("update")) {
      client.put("/issue/" + ticketKey, body, ticketKey);
    }
    if (changed.contains(TicketField.LABELS)) {
      client.put("/issue/" + ticketKey + "/properties/followthrough", property(d).get("value"), ticketKey);
    }
    if (changed.contains(TicketField.SOURCE_LINK) && JiraFields.isUrl(d.sourceUrl())) {
      // The same globalId updates the link instead of adding a second one: safe to send again.
      ObjectNode link = JiraClient.object().put("globalId", "followthrough:" + d.idempotencyKey());
      link.putObject("object").put("url", d.sourceUrl()).put("title", "Postmortem");
      client.post("/issue/" + ticketKey + "/remotelink", link, ticketKey);
    }
    return read(ticketKey);
  }

  @Override
  public TicketSnapshot transition(String ticketKey, TicketState target) {
    boolean moved = transitions.move(ticketKey, target);
    TicketSnapshot now = read(ticketKey);
    if (!moved && now.state() != target) {
      throw new TrackerException(JiraClient.TRACKER, Kind.INVALID, 0, ticketKey, null, ticketKey
          + ": no transition leads to a '" + JiraTransitions.category(target) + "' status from here; check the workflow"
          + " and the Transition issues permission", null);
    }
    // No transition leads where the issue already is: a transition sent again after a lost answer.
    return now;
  }

  @Override
  public void comment(String ticketKey, String text) {
    ObjectNode body = JiraClient.object();
    body.set("body", client.deployment() == JiraDeployment.CLOUD ? JiraFields.Adf.document(text, null)
        : JiraClient.json().getNodeFactory().textNode(text));
    client.post("/issue/" + ticketKey + "/comment", body, ticketKey);
  }

  private TicketSnapshot read(String key) {
    return search.read(key).orElseThrow(() -> new TrackerException(JiraClient.TRACKER, Kind.NOT_FOUND, 404, key, null,
        key + ": not found (404)", null));
  }
}
