package dev.followthrough.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.followthrough.core.tracker.Capabilities;
import dev.followthrough.core.tracker.ChangeFeed;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import jakarta.ws.rs.core.Form;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;

/**
 * GitLab Issues (gitlab.com or self-managed) as a {@link Tracker}, on gitlab4j-api.
 *
 * <p>Every issue carries the {@value #COMMON_LABEL} label, its idempotency key as a label, its
 * priority as a scoped label ({@code priority::P1}) and the hidden description marker
 * {@code <!-- followthrough:KEY -->}; due dates are GitLab's own {@code due_date}. Reads list the
 * project's issues by the common label, 100 per page. Not thread-safe: one sync at a time.
 */
public final class GitLabTracker implements Tracker {
  /** Every issue this adapter makes carries it, so one listing finds them all. */
  public static final String COMMON_LABEL = "followthrough";

  private final IssueRequests requests;
  private final String project;
  private final Clock clock;
  private final GitLabFields fields;
  private final GitLabUsers users;
  private final Capabilities capabilities;
  private final IssueMoves moves;
  private final GitLabChangeFeed changes;
  private Long projectId;

  GitLabTracker(GitLabTrackerBuilder b, GitLabApi api) {
    this.requests = new IssueRequests(api);
    this.project = b.project;
    this.clock = b.clock;
    this.users = new GitLabUsers(b.users);
    this.fields = new GitLabFields(b.priorities, b.wontDoLabel, users);
    this.moves = new IssueMoves(requests, fields);
    // One create per request and no batch create; a create that timed out may still finish
    // within about the request timeout, and then shows in the list after the lag.
    Object[] issuesPath = {"projects", IssueRefs.encoded(b.project), "issues"};
    this.changes = new GitLabChangeFeed(requests, issuesPath, this::snapshot, "gitlab:" + b.url + "/" + b.project,
        b.listLag.plus(Duration.ofMinutes(5)));
    this.capabilities = new Capabilities(1, IssueRequests.PAGE, true, b.listLag, false, b.requestTimeout, b.requestTimeout, false);
  }

  /** A tracker for a project, given by its path ({@code group/sub/project}) or its numeric id. */
  public static GitLabTrackerBuilder builder(String project) {
    return new GitLabTrackerBuilder(project);
  }

  @Override
  public String type() {
    return GitLabErrors.TRACKER;
  }

  /** The project's Followthrough issues changed since an instant ({@link GitLabChangeFeed}). */
  @Override
  public Optional<ChangeFeed> changeFeed() {
    return Optional.of(changes);
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  /** Requests sent so far (reads, writes, user lookups), for the request-count figures. */
  public int requestsSent() {
    return requests.requests();
  }

  private TrackerException failed(GitLabApiException e, String key, String action) {
    return GitLabErrors.convert(e, key, action, clock);
  }

  @Override
  public boolean holds(dev.followthrough.core.model.TicketLink cited) {
    return IssueRefs.citedIn(cited.key(), project);
  }

  /** The configured project's numeric id: issues read back name their project by it. */
  private long projectId() {
    if (projectId == null) {
      try {
        projectId = requests.get("projects", requests.getProjectIdOrPath(project)).path("id").asLong();
      } catch (GitLabApiException e) {
        throw failed(e, null, "opening project " + project);
      }
    }
    return projectId;
  }

  private String keyOf(JsonNode issue) {
    boolean here = issue.path("project_id").asLong() == projectId();
    return IssueRefs.key(project, issue.path("references").path("full").asText(null), issue.path("iid").asLong(), here);
  }

  TicketSnapshot snapshot(JsonNode issue) {
    return fields.snapshot(issue, keyOf(issue));
  }

  @Override
  public List<TicketSnapshot> findByKeys(Collection<String> idempotencyKeys) {
    Set<String> wanted = new HashSet<>(idempotencyKeys);
    List<TicketSnapshot> found = new ArrayList<>();
    for (JsonNode issue : listAll()) {
      // A moved issue stays behind, closed, with moved_to_id: the issue it became carries the key.
      if (issue.path("moved_to_id").isNull() || issue.path("moved_to_id").isMissingNode()) {
        TicketSnapshot t = snapshot(issue);
        if (wanted.contains(t.idempotencyKey())) {
          found.add(t);
        }
      }
    }
    return found;
  }

  @Override
  public List<TicketSnapshot> fetch(Collection<String> ticketKeys) {
    Set<String> wanted = new LinkedHashSet<>(ticketKeys);
    Map<String, TicketSnapshot> found = new LinkedHashMap<>();
    for (JsonNode issue : listAll()) {
      String key = keyOf(issue);
      if (wanted.contains(key)) {
        try {
          moves.followed(issue, this::snapshot, key).ifPresent(s -> found.put(key, s));
        } catch (GitLabApiException e) {
          throw failed(e, key, "following the moved issue");
        }
      }
    }
    // Issues linked from a document may lack our label, and moved ones live elsewhere: read those one by one.
    for (String key : wanted) {
      if (!found.containsKey(key)) {
        read(key).ifPresent(t -> found.put(key, t));
      }
    }
    return List.copyOf(found.values());
  }

  private List<JsonNode> listAll() {
    try {
      return requests.list(Map.of("labels", COMMON_LABEL, "state", "all"), "projects", requests.getProjectIdOrPath(project), "issues");
    } catch (GitLabApiException e) {
      throw failed(e, null, "listing the issues of " + project);
    }
  }

  /** One issue, followed where it was moved; empty when GitLab answers 404 (deleted, or never there). */
  private Optional<TicketSnapshot> read(String key) {
    IssueRefs ref = IssueRefs.parse(key, project);
    try {
      JsonNode issue = requests.get("projects", requests.getProjectIdOrPath(ref.project()), "issues", ref.iid());
      return moves.followed(issue, this::snapshot, key);
    } catch (GitLabApiException e) {
      TrackerException t = failed(e, key, "reading the issue");
      if (t.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw t;
    }
  }

  @Override
  public List<CreateOutcome> createAll(List<TicketDraft> drafts) {
    List<CreateOutcome> outcomes = new ArrayList<>();
    for (TicketDraft d : drafts) {
      outcomes.add(createOne(d));
    }
    return outcomes;
  }

  /**
   * One create request, and nothing else: a failure whose outcome is unknown is reported as such
   * and never followed by a second create; the engine settles it by the issue's key later.
   */
  private CreateOutcome createOne(TicketDraft d) {
    try {
      Form form = new Form();
      form.param("title", d.title());
      form.param("description", IssueDescriptions.description(d));
      form.param("labels", String.join(",", fields.labels(d)));
      if (d.dueDate() != null) {
        form.param("due_date", d.dueDate().toString());
      }
      // A prerequisite looked up before the create, never a step after it.
      Optional<Long> assignee = users.id(d.owner(), requests);
      assignee.ifPresent(id -> form.param("assignee_ids[]", String.valueOf(id)));
      JsonNode issue = requests.post(form, "projects", requests.getProjectIdOrPath(project), "issues");
      return CreateOutcome.created(d, snapshot(issue));
    } catch (GitLabApiException e) {
      return CreateOutcome.failed(d, failed(e, null, "creating \"" + d.title() + "\""));
    }
  }

  @Override
  public TicketSnapshot update(String ticketKey, TicketDraft d, Set<TicketField> changed) {
    try {
      Form form = new Form();
      for (TicketField field : changed) {
        switch (field) {
          case TITLE -> form.param("title", d.title());
          case DESCRIPTION -> form.param("description", IssueDescriptions.description(d));
          case DUE_DATE -> form.param("due_date", d.dueDate() == null ? "" : d.dueDate().toString());
          case PRIORITY, LABELS -> {
            // Labels people added stay: ours are added, other priorities and older keys taken away.
            form.param("add_labels", String.join(",", fields.labels(d)));
            form.param("remove_labels", String.join(",", fields.replacedLabels(d)));
          }
          case ASSIGNEE -> users.id(d.owner(), requests).ifPresent(id -> form.param("assignee_ids[]", String.valueOf(id)));
          case STATE, SOURCE_LINK -> {
            // States change through transition(); the description carries the link to the postmortem.
          }
        }
      }
      if (form.asMap().isEmpty()) {
        return read(ticketKey).orElseThrow(() -> vanished(ticketKey));
      }
      return edit(ticketKey, form);
    } catch (GitLabApiException e) {
      throw failed(e, ticketKey, "updating the issue");
    }
  }

  /** One edit ({@code PUT}, safe to send again); GitLab answers with the issue as it now is. */
  private TicketSnapshot edit(String ticketKey, Form form) throws GitLabApiException {
    IssueRefs ref = IssueRefs.parse(ticketKey, project);
    return snapshot(requests.put(form, "projects", requests.getProjectIdOrPath(ref.project()), "issues", ref.iid()));
  }

  private TrackerException vanished(String key) {
    return new TrackerException(type(), Kind.NOT_FOUND, 404, key, null, "#" + key + " vanished", null);
  }

  /**
   * Close or reopen through {@code state_event} (Issues API docs, update an issue); closing as
   * won't do adds the won't-do label in the same request, since GitLab keeps no close reason.
   */
  @Override
  public TicketSnapshot transition(String ticketKey, TicketState target) {
    Form form = new Form();
    switch (target) {
      case DONE -> form.param("state_event", "close").param("remove_labels", fields.wontDoLabel());
      case WONT_DO -> form.param("state_event", "close").param("add_labels", fields.wontDoLabel());
      case OPEN, IN_PROGRESS -> form.param("state_event", "reopen").param("remove_labels", fields.wontDoLabel());
    }
    try {
      return edit(ticketKey, form);
    } catch (GitLabApiException e) {
      throw failed(e, ticketKey, "moving the issue to " + target);
    }
  }

  @Override
  public void comment(String ticketKey, String text) {
    IssueRefs ref = IssueRefs.parse(ticketKey, project);
    try {
      requests.post(new Form().param("body", text), "projects", requests.getProjectIdOrPath(ref.project()), "issues", ref.iid(), "notes");
    } catch (GitLabApiException e) {
      throw failed(e, ticketKey, "commenting on the issue");
    }
  }
}
