package dev.followthrough.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.tracker.Capabilities;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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
  static final int PAGE = 100;
  /** Keys per JQL query, to keep queries well under URL and JQL length limits. */
  static final int KEYS_PER_QUERY = 100;

  private final JiraClient client;
  private final String project;
  private final String issueType;
  private final JiraFields fields;
  private final JiraUsers users;
  private final Capabilities capabilities;
  private final String parent;
  private final String epicIssueType;
  private final Map<String, String> epics = new java.util.HashMap<>();

  private JiraTracker(Builder b) {
    this.parent = b.parent;
    this.epicIssueType = b.epicIssueType;
    this.client = new JiraClient(b.site, b.deployment, b.email, b.token, b.http, b.requestTimeout, b.clock);
    this.project = b.project;
    this.issueType = b.issueType;
    this.fields = new JiraFields(b.deployment, b.priorities);
    this.users = new JiraUsers(client, b.users);
    this.capabilities = new Capabilities(MAX_BATCH_CREATE, PAGE, true, b.searchLag, true);
  }

  /** Jira Cloud: e-mail and API token (Basic authentication). */
  public static Builder cloud(URI site, String email, Secret token) {
    return new Builder(JiraDeployment.CLOUD, site, Objects.requireNonNull(email, "email"), token);
  }

  /** Jira Data Center: a personal access token (Bearer authentication). */
  public static Builder dataCenter(URI site, Secret token) {
    return new Builder(JiraDeployment.DATA_CENTER, site, null, token);
  }

  @Override
  public String type() {
    return JiraClient.TRACKER;
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
    List<String> keys = List.copyOf(new LinkedHashSet<>(idempotencyKeys));
    List<TicketSnapshot> found = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
      String jql = "project = " + quote(project) + " AND labels in (" + chunk.stream().map(JiraTracker::quote)
          .collect(Collectors.joining(", ")) + ")";
      found.addAll(search(jql, new HashSet<>(chunk)));
    }
    return found;
  }

  @Override
  public List<TicketSnapshot> fetch(Collection<String> ticketKeys) {
    List<String> keys = List.copyOf(new LinkedHashSet<>(ticketKeys));
    List<TicketSnapshot> found = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += PAGE) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + PAGE));
      try {
        found.addAll(search("key in (" + String.join(", ", chunk.stream().map(JiraTracker::quote).toList()) + ")", null));
      } catch (TrackerException e) {
        // JQL refuses a query naming an issue that no longer exists: read this chunk one by one.
        if (e.kind() != Kind.INVALID) {
          throw e;
        }
        for (String key : chunk) {
          try {
            found.add(read(key));
          } catch (TrackerException missing) {
            if (missing.kind() != Kind.NOT_FOUND) {
              throw missing;
            }
          }
        }
      }
    }
    return found;
  }

  private List<TicketSnapshot> search(String jql, Set<String> wanted) {
    List<TicketSnapshot> found = new ArrayList<>();
    ArrayNode fieldList = JiraClient.json().valueToTree(JiraFields.READ);
    if (client.deployment() == JiraDeployment.CLOUD) {
      String token = null;
      do {
        ObjectNode body = JiraClient.object().put("jql", jql).put("maxResults", PAGE);
        body.set("fields", fieldList);
        if (token != null) {
          body.put("nextPageToken", token);
        }
        JsonNode page = client.post("/search/jql", body, null);
        page.path("issues").forEach(i -> found.add(fields.snapshot(i, users, wanted)));
        token = page.path("isLast").asBoolean(false) ? null : page.path("nextPageToken").asText(null);
      } while (token != null);
    } else {
      int startAt = 0;
      while (true) {
        ObjectNode body = JiraClient.object().put("jql", jql).put("startAt", startAt).put("maxResults", PAGE);
        body.set("fields", fieldList);
        JsonNode page = client.post("/search", body, null);
        JsonNode issues = page.path("issues");
        issues.forEach(i -> found.add(fields.snapshot(i, users, wanted)));
        startAt += issues.size();
        if (issues.isEmpty() || startAt >= page.path("total").asInt(0)) {
          break;
        }
      }
    }
    return found;
  }

  private TicketSnapshot read(String key) {
    JsonNode issue = client.get("/issue/" + key + "?fields=" + String.join(",", JiraFields.READ), key);
    return fields.snapshot(issue, users, null);
  }

  @Override
  public List<CreateOutcome> createAll(List<TicketDraft> drafts) {
    List<CreateOutcome> outcomes = new ArrayList<>();
    for (int from = 0; from < drafts.size(); from += MAX_BATCH_CREATE) {
      outcomes.addAll(createBatch(drafts.subList(from, Math.min(drafts.size(), from + MAX_BATCH_CREATE))));
    }
    return outcomes;
  }

  private List<CreateOutcome> createBatch(List<TicketDraft> batch) {
    if (epicIssueType != null) {
      ensureEpics(batch);
    }
    ObjectNode body = JiraClient.object();
    ArrayNode updates = body.putArray("issueUpdates");
    for (TicketDraft d : batch) {
      ObjectNode update = updates.addObject();
      update.set("fields", createFields(d));
      ObjectNode property = update.putArray("properties").addObject();
      property.put("key", "followthrough");
      property.putObject("value").put("idempotencyKey", d.idempotencyKey());
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
        if (!created.hasNext()) {
          outcomes[i] = CreateOutcome.failed(batch.get(i), new TrackerException(JiraClient.TRACKER, Kind.MALFORMED, 201,
              "Jira's bulk answer lists fewer issues than were sent"));
          continue;
        }
        outcomes[i] = afterCreate(batch.get(i), created.next());
      }
    }
    return List.of(outcomes);
  }

  /** A closed item's ticket is closed right away, and a postmortem URL becomes a remote link. */
  private CreateOutcome afterCreate(TicketDraft d, JsonNode created) {
    String key = created.path("key").asText();
    String self = created.path("self").asText("");
    String url = self.contains("/rest/api/") ? self.substring(0, self.indexOf("/rest/api/")) + "/browse/" + key
        : client.site() + "/browse/" + key;
    TicketSnapshot ticket = new TicketSnapshot(key, url, d.idempotencyKey(), d.title(), d.description(), TicketState.OPEN,
        users.assigneeAs(d.owner()).orElse(null), d.dueDate(), d.priority(), JiraFields.labels(d),
        null, null);
    if (JiraFields.isUrl(d.sourceUrl())) {
      ObjectNode link = JiraClient.object().put("globalId", "followthrough:" + d.idempotencyKey());
      link.putObject("object").put("url", d.sourceUrl()).put("title", "Postmortem");
      client.post("/issue/" + key + "/remotelink", link, key);
    }
    if (d.state() != TicketState.OPEN) {
      ticket = transition(key, d.state());
    }
    return CreateOutcome.created(d, ticket);
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
    String parentKey = parent != null ? parent : epics.get(d.postmortemId());
    if (parentKey != null) {
      f.putObject("parent").put("key", parentKey);
    }
    return f;
  }

  /** Finds, in one search, the epics of the batch's postmortems, and creates the missing ones. */
  private void ensureEpics(List<TicketDraft> batch) {
    Map<String, String> titles = new java.util.LinkedHashMap<>();
    batch.stream().filter(d -> d.postmortemId() != null && !epics.containsKey(d.postmortemId()))
        .forEach(d -> titles.putIfAbsent(d.postmortemId(), d.postmortemTitle()));
    if (titles.isEmpty()) {
      return;
    }
    List<String> labels = titles.keySet().stream().map(JiraTracker::epicLabel).toList();
    String jql = "project = " + quote(project) + " AND labels in (" + labels.stream().map(JiraTracker::quote)
        .collect(Collectors.joining(", ")) + ")";
    for (TicketSnapshot epic : search(jql, Set.of())) {
      for (String id : titles.keySet()) {
        if (epic.labels().contains(epicLabel(id))) {
          epics.putIfAbsent(id, epic.key());
        }
      }
    }
    ObjectNode body = JiraClient.object();
    ArrayNode updates = body.putArray("issueUpdates");
    List<String> missing = titles.keySet().stream().filter(id -> !epics.containsKey(id)).toList();
    for (String id : missing) {
      ObjectNode f = updates.addObject().putObject("fields");
      f.putObject("project").put("key", project);
      f.putObject("issuetype").put("name", epicIssueType);
      f.put("summary", "Postmortem: " + (titles.get(id) == null ? id : titles.get(id)));
      f.putArray("labels").add(epicLabel(id));
    }
    if (missing.isEmpty()) {
      return;
    }
    JsonNode answer = client.postBulk("/issue/bulk", body);
    var created = answer.path("issues").elements();
    java.util.Set<Integer> failed = new HashSet<>();
    answer.path("errors").forEach(e -> failed.add(e.path("failedElementNumber").asInt(-1)));
    for (int i = 0; i < missing.size(); i++) {
      if (!failed.contains(i) && created.hasNext()) {
        epics.put(missing.get(i), created.next().path("key").asText());
      }
    }
  }

  static String epicLabel(String postmortemId) {
    return "ft-epic-" + postmortemId;
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
          // Added, not replaced: labels people put on the ticket stay.
          ArrayNode ops = body.putObject("update").putArray("labels");
          JiraFields.labels(d).forEach(l -> ops.addObject().put("add", l));
        }
        case ASSIGNEE -> users.accountOf(d.owner())
            .ifPresent(a -> f.set("assignee", JiraUsers.assigneeNode(client.deployment(), a)));
        case STATE -> {
          // States change through transitions.
        }
      }
    }
    if (!f.isEmpty() || body.has("update")) {
      client.put("/issue/" + ticketKey, body, ticketKey);
    }
    return read(ticketKey);
  }

  @Override
  public TicketSnapshot transition(String ticketKey, TicketState target) {
    JsonNode available = client.get("/issue/" + ticketKey + "/transitions", ticketKey);
    String wantedCategory = switch (target) {
      case OPEN -> "new";
      case IN_PROGRESS -> "indeterminate";
      case DONE, WONT_DO -> "done";
    };
    JsonNode chosen = null;
    for (JsonNode t : available.path("transitions")) {
      if (!t.path("to").path("statusCategory").path("key").asText().equals(wantedCategory)) {
        continue;
      }
      boolean wontDoName = JiraFields.wontDo(t.path("name").asText("") + " " + t.path("to").path("name").asText(""));
      if (chosen == null || (target == TicketState.WONT_DO && wontDoName) || (target == TicketState.DONE
          && !wontDoName && JiraFields.wontDo(chosen.path("name").asText("")))) {
        chosen = t;
      }
    }
    if (chosen == null) {
      throw new TrackerException(JiraClient.TRACKER, Kind.INVALID, 0, ticketKey, null, ticketKey
          + ": no transition leads to a '" + wantedCategory + "' status from here; check the workflow and the"
          + " Transition issues permission", null);
    }
    ObjectNode body = JiraClient.object();
    body.putObject("transition").put("id", chosen.path("id").asText());
    client.post("/issue/" + ticketKey + "/transitions", body, ticketKey);
    return read(ticketKey);
  }

  @Override
  public void comment(String ticketKey, String text) {
    ObjectNode body = JiraClient.object();
    body.set("body", client.deployment() == JiraDeployment.CLOUD ? JiraFields.Adf.document(text, null)
        : JiraClient.json().getNodeFactory().textNode(text));
    client.post("/issue/" + ticketKey + "/comment", body, ticketKey);
  }

  /** JQL string literal. */
  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Builds a {@link JiraTracker}; the project is required. */
  public static final class Builder {
    private final JiraDeployment deployment;
    private final URI site;
    private final String email;
    private final Secret token;
    private String project;
    private String issueType = "Task";
    private Map<String, String> users = Map.of();
    private Map<Priority, String> priorities = Map.of();
    private HttpClient http;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration searchLag;
    private Clock clock = Clock.systemUTC();
    private String parent;
    private String epicIssueType;

    private Builder(JiraDeployment deployment, URI site, String email, Secret token) {
      this.deployment = deployment;
      this.site = Objects.requireNonNull(site, "site");
      this.email = email;
      this.token = Objects.requireNonNull(token, "token");
    }

    /** The project key new tickets go to, such as {@code OPS}. */
    public Builder project(String key) {
      this.project = key;
      return this;
    }

    public Builder issueType(String name) {
      this.issueType = Objects.requireNonNull(name);
      return this;
    }

    /** Owner (handle or e-mail) to account id (Cloud) or user name (Data Center). */
    public Builder users(Map<String, String> ownerToAccount) {
      this.users = Map.copyOf(ownerToAccount);
      return this;
    }

    /** Jira priority names for P1 to P4 (default Highest, High, Medium, Low). */
    public Builder priorities(Map<Priority, String> names) {
      this.priorities = Map.copyOf(names);
      return this;
    }

    /** The HTTP client; give one with your proxy or TLS settings. Default: one with a 10 s connect timeout. */
    public Builder httpClient(HttpClient client) {
      this.http = Objects.requireNonNull(client);
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /**
     * How long a new issue may stay out of JQL results (default 30 s on Cloud, where search is
     * eventually consistent, and 5 s on Data Center).
     */
    public Builder searchLag(Duration lag) {
      this.searchLag = Objects.requireNonNull(lag);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Every new ticket goes under this issue (an epic, or a story for sub-task issue types). */
    public Builder parent(String issueKey) {
      this.parent = issueKey;
      return this;
    }

    /**
     * One epic per postmortem holds its tickets: found by the label {@code ft-epic-<postmortem>},
     * created (with this issue type, usually {@code Epic}) when missing.
     */
    public Builder epicPerPostmortem(String epicIssueType) {
      this.epicIssueType = epicIssueType;
      return this;
    }

    public JiraTracker build() {
      if (project == null || project.isBlank()) {
        throw new IllegalStateException("a Jira project key is required");
      }
      if (http == null) {
        http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
      }
      if (searchLag == null) {
        searchLag = deployment == JiraDeployment.CLOUD ? Duration.ofSeconds(30) : Duration.ofSeconds(5);
      }
      return new JiraTracker(this);
    }
  }
}
