package dev.followthrough.github;

import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.tracker.Capabilities;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHIssueStateReason;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.GitHub;

/**
 * GitHub Issues (github.com or Enterprise) as a {@link Tracker}, on {@code org.kohsuke:github-api}.
 *
 * <p>Every issue carries three labels (the {@value #COMMON_LABEL} label, its idempotency key, and
 * its priority {@code P1}…{@code P4}) and the hidden body marker {@code <!-- followthrough:KEY
 * -->}. Reads list the repository's issues by the common label, 100 per page, never through the
 * lagging search API. Due dates become per-day milestones ("Due 2025-06-01"): issues have no due date.
 */
public final class GitHubTracker implements Tracker {
  /** Every issue this adapter makes carries it, so one listing finds them all. */
  public static final String COMMON_LABEL = "followthrough";
  static final int PAGE = 100;

  private final GitHub github;
  private final String repositoryName;
  private final GitHubFields fields;
  private final CreatePacer pacer;
  private final Capabilities capabilities;
  private final GitHubMilestones milestones = new GitHubMilestones();
  private final GitHubAssignees assignees;
  private GHRepository repository;
  private final TimeoutConnector connector;
  private final GitHubChangeFeed changes;

  GitHubTracker(GitHubTrackerBuilder b, GitHub github, TimeoutConnector connector) {
    this.github = github;
    this.connector = connector;
    this.repositoryName = b.repository;
    this.pacer = new CreatePacer(b.createInterval, b.sleeper, b.clock);
    this.assignees = new GitHubAssignees(github, b.clock);
    // One create per request, no separate source link (the body carries it); a create that timed
    // out may still finish within about the request timeout, and then shows in the list.
    this.capabilities = new Capabilities(1, PAGE, false, b.listLag, false, b.requestTimeout, b.requestTimeout, false);
    this.fields = new GitHubFields(b.users, b.repository);
    this.changes = b.overlap == null ? null
        : new GitHubChangeFeed(this::repo, fields::snapshot, "github:" + b.endpoint + "/" + b.repository, b.overlap);
  }

  /** A tracker for {@code owner/name}, on github.com unless {@link GitHubTrackerBuilder#endpoint} says otherwise. */
  public static GitHubTrackerBuilder builder(String repository) {
    return new GitHubTrackerBuilder(repository);
  }

  @Override
  public String type() {
    return GitHubErrors.TRACKER;
  }

  /** The repository's Followthrough issues changed since an instant ({@link GitHubChangeFeed}). */
  @Override
  public Optional<dev.followthrough.core.tracker.ChangeFeed> changeFeed() {
    return Optional.ofNullable(changes);
  }

  /** Reads answered 304 Not Modified (nothing changed since the last read), free of the primary rate limit. */
  public int notModifiedAnswers() {
    return connector == null ? 0 : connector.notModifiedAnswers();
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  private GHRepository repo() {
    if (repository == null) {
      repository = PushAccess.open(github, repositoryName);
    }
    return repository;
  }

  @Override
  public boolean holds(TicketLink cited) {
    return IssueRefs.citedIn(cited.key(), cited.url(), repositoryName);
  }

  /** The issue a key points at: in the configured repository, or where it was transferred. */
  private GHIssue issue(String key) throws IOException {
    IssueRefs ref = IssueRefs.parse(key, repositoryName);
    return repoOf(ref).getIssue(ref.number());
  }

  private GHRepository repoOf(IssueRefs ref) throws IOException {
    return ref.in(repositoryName) ? repo() : github.getRepository(ref.repository());
  }

  @Override
  public List<TicketSnapshot> findByKeys(Collection<String> idempotencyKeys) {
    Set<String> wanted = new HashSet<>(idempotencyKeys);
    return listAll().stream().map(fields::snapshot).filter(t -> wanted.contains(t.idempotencyKey())).toList();
  }

  @Override
  public List<TicketSnapshot> fetch(Collection<String> ticketKeys) {
    Set<String> wanted = new LinkedHashSet<>(ticketKeys);
    Map<String, TicketSnapshot> found = new LinkedHashMap<>();
    for (GHIssue issue : listAll()) {
      String key = String.valueOf(issue.getNumber());
      if (wanted.contains(key)) {
        found.put(key, fields.snapshot(issue));
      }
    }
    // Issues linked from a document may lack our label: read those one by one.
    for (String key : wanted) {
      if (!found.containsKey(key)) {
        read(key).ifPresent(t -> found.put(key, t));
      }
    }
    return List.copyOf(found.values());
  }

  private List<GHIssue> listAll() {
    try {
      return repo().queryIssues().label(COMMON_LABEL).state(GHIssueState.ALL).pageSize(PAGE).list().toList().stream()
          .filter(i -> !i.isPullRequest()).toList();
    } catch (IOException e) {
      throw GitHubErrors.convert(e, null, "listing issues of " + repositoryName);
    }
  }

  private Optional<TicketSnapshot> read(String key) {
    try {
      GHIssue issue = issue(key);
      return issue.isPullRequest() ? Optional.empty() : Optional.of(fields.snapshot(issue));
    } catch (IOException e) {
      TrackerException t = GitHubErrors.convert(e, key, "reading the issue");
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
      return CreateOutcome.created(d, create(d));
    } catch (TrackerException e) {
      return CreateOutcome.failed(d, e);
    }
  }

  private TicketSnapshot create(TicketDraft d) {
    try {
      return createOnce(d);
    } catch (TrackerException refused) {
      if (d.dueDate() == null || !GitHubMilestones.refusedAsMissing(refused)) {
        throw refused;
      }
      // Someone deleted the cached milestone: GitHub refused the create for certain (422), so
      // sending it once more with the milestones read afresh cannot make a second issue.
      milestones.forget();
      return createOnce(d);
    }
  }

  private TicketSnapshot createOnce(TicketDraft d) {
    pacer.pace();
    try {
      GHIssueBuilder builder = repo().createIssue(d.title()).body(IssueBodies.body(d));
      GitHubFields.labels(d).forEach(builder::label);
      Optional<String> login = fields.login(d.owner());
      if (login.isPresent() && assignees.assignable(repo(), d.owner(), login.get())) {
        builder.assignee(login.get());
      }
      if (d.dueDate() != null) {
        // A prerequisite looked up (or made) before the create, never a step after it.
        builder.milestone(milestones.forDate(repo(), d.dueDate()));
      }
      return fields.snapshot(builder.create());
    } catch (IOException e) {
      throw GitHubErrors.convert(e, null, "creating \"" + d.title() + "\"");
    }
  }

  @Override
  public TicketSnapshot update(String ticketKey, TicketDraft d, Set<TicketField> changed) {
    try {
      IssueRefs ref = IssueRefs.parse(ticketKey, repositoryName);
      GHRepository home = repoOf(ref);
      GHIssue issue = home.getIssue(ref.number());
      for (TicketField field : changed) {
        switch (field) {
          case TITLE -> issue.setTitle(d.title());
          case DESCRIPTION -> issue.setBody(IssueBodies.body(d));
          case DUE_DATE -> {
            if (d.dueDate() != null) {
              setMilestone(issue, home, d.dueDate());
            }
          }
          case PRIORITY, LABELS -> {
            // Labels people added stay; our priority label and keys of older formats are replaced.
            Set<String> names = new LinkedHashSet<>();
            issue.getLabels().stream().map(GHLabel::getName)
                .filter(n -> !n.matches("P[1-4]") && !d.formerKeys().contains(n)).forEach(names::add);
            names.addAll(GitHubFields.labels(d));
            issue.setLabels(names.toArray(String[]::new));
          }
          case ASSIGNEE -> {
            Optional<String> login = fields.login(d.owner());
            if (login.isPresent() && assignees.assignable(home, d.owner(), login.get())) {
              GHUser user = github.getUser(login.get());
              issue.setAssignees(user);
            }
          }
          case STATE, SOURCE_LINK -> {
            // States change through transition(); the body carries the link to the postmortem.
          }
        }
      }
    } catch (IOException e) {
      throw GitHubErrors.convert(e, ticketKey, "updating the issue");
    }
    return read(ticketKey).orElseThrow(() -> new TrackerException(type(), Kind.NOT_FOUND, 404, "#" + ticketKey + " vanished"));
  }

  /** An edit is idempotent: after a refusal of a deleted cached milestone it is sent once more. */
  private void setMilestone(GHIssue issue, GHRepository home, java.time.LocalDate due) throws IOException {
    try {
      issue.setMilestone(milestones.forDate(home, due));
    } catch (IOException e) {
      if (!GitHubMilestones.refusedAsMissing(GitHubErrors.convert(e, null, "setting the milestone"))) {
        throw e;
      }
      milestones.forget();
      issue.setMilestone(milestones.forDate(home, due));
    }
  }

  @Override
  public TicketSnapshot transition(String ticketKey, TicketState target) {
    try {
      GHIssue issue = issue(ticketKey);
      boolean open = issue.getState() == GHIssueState.OPEN;
      switch (target) {
        case DONE -> issue.close(GHIssueStateReason.COMPLETED);
        case WONT_DO -> issue.close(GHIssueStateReason.NOT_PLANNED);
        case OPEN, IN_PROGRESS -> {
          if (!open) {
            issue.reopen();
          }
        }
      }
    } catch (IOException e) {
      throw GitHubErrors.convert(e, ticketKey, "moving the issue to " + target);
    }
    return read(ticketKey).orElseThrow(() -> new TrackerException(type(), Kind.NOT_FOUND, 404, "#" + ticketKey + " vanished"));
  }

  @Override
  public void comment(String ticketKey, String text) {
    try {
      issue(ticketKey).comment(text);
    } catch (IOException e) {
      throw GitHubErrors.convert(e, ticketKey, "commenting on the issue");
    }
  }
}
