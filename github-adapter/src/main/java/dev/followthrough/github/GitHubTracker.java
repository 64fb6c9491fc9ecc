package dev.followthrough.github;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.sync.Sleeper;
import dev.followthrough.core.tracker.Capabilities;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHIssueStateReason;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHMilestone;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.authorization.OrgAppInstallationAuthorizationProvider;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GitHub Issues (github.com or Enterprise) as a {@link Tracker}, on {@code org.kohsuke:github-api}.
 *
 * <p>Every issue carries three labels (the {@value #COMMON_LABEL} label, its idempotency key, and
 * its priority {@code P1}…{@code P4}) and the hidden body marker {@code <!-- followthrough:KEY
 * -->}. Reads list the repository's issues by the common label, 100 per page, never through the
 * lagging search API. Due dates become milestones, one per due date ("Due 2025-06-01"), because
 * GitHub issues have no due-date field and a shared per-day milestone keeps each item's own date.
 */
public final class GitHubTracker implements Tracker {
  private static final Logger LOG = LoggerFactory.getLogger(GitHubTracker.class);
  /** Every issue this adapter makes carries it, so one listing finds them all. */
  public static final String COMMON_LABEL = "followthrough";
  static final int PAGE = 100;
  private static final String MILESTONE_PREFIX = "Due ";

  private final GitHub github;
  private final String repositoryName;
  private final Map<String, String> users;
  private final Map<String, String> ownersByLogin = new HashMap<>();
  private final Duration createInterval;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Capabilities capabilities = new Capabilities(1, PAGE, false, Duration.ZERO, false);
  private GHRepository repository;
  private Map<LocalDate, GHMilestone> milestones;
  private Instant lastCreate = Instant.MIN;

  private final TimeoutConnector connector;

  private GitHubTracker(Builder b, GitHub github, TimeoutConnector connector) {
    this.github = github;
    this.connector = connector;
    this.repositoryName = b.repository;
    this.users = b.users;
    this.createInterval = b.createInterval;
    this.sleeper = b.sleeper;
    this.clock = b.clock;
    users.forEach((owner, login) -> ownersByLogin.put(login.toLowerCase(java.util.Locale.ROOT), owner));
  }

  /** A tracker for {@code owner/name}, on github.com unless {@link Builder#endpoint} says otherwise. */
  public static Builder builder(String repository) {
    return new Builder(repository);
  }

  @Override
  public String type() {
    return GitHubErrors.TRACKER;
  }

  /**
   * Reads GitHub answered with 304 Not Modified because nothing had changed since this tracker
   * last read the same page; such answers do not count against the primary rate limit.
   */
  public int notModifiedAnswers() {
    return connector == null ? 0 : connector.notModifiedAnswers();
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  private GHRepository repo() {
    if (repository == null) {
      try {
        repository = github.getRepository(repositoryName);
      } catch (IOException e) {
        throw GitHubErrors.convert(e, null, "opening repository " + repositoryName);
      }
    }
    return repository;
  }

  @Override
  public List<TicketSnapshot> findByKeys(Collection<String> idempotencyKeys) {
    Set<String> wanted = new HashSet<>(idempotencyKeys);
    return listAll().stream().map(this::snapshot).filter(t -> wanted.contains(t.idempotencyKey())).toList();
  }

  @Override
  public List<TicketSnapshot> fetch(Collection<String> ticketKeys) {
    Set<String> wanted = new LinkedHashSet<>(ticketKeys);
    Map<String, TicketSnapshot> found = new LinkedHashMap<>();
    for (GHIssue issue : listAll()) {
      String key = String.valueOf(issue.getNumber());
      if (wanted.contains(key)) {
        found.put(key, snapshot(issue));
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
      GHIssue issue = repo().getIssue(number(key));
      return issue.isPullRequest() ? Optional.empty() : Optional.of(snapshot(issue));
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

  private CreateOutcome createOne(TicketDraft d) {
    try {
      return CreateOutcome.created(d, create(d));
    } catch (TrackerException first) {
      if (!first.mayHaveTakenEffect()) {
        return CreateOutcome.failed(d, first);
      }
      // The create may have reached GitHub: look for the issue before any second attempt.
      try {
        Optional<TicketSnapshot> existing = findByKeys(List.of(d.idempotencyKey())).stream().findFirst();
        if (existing.isPresent()) {
          LOG.info("found issue #{} for {} after a failed create; adopting it", existing.get().key(), d.idempotencyKey());
          return CreateOutcome.created(d, finishClosedState(existing.get(), d));
        }
        return CreateOutcome.created(d, create(d));
      } catch (TrackerException second) {
        return CreateOutcome.failed(d, second);
      }
    }
  }

  private TicketSnapshot create(TicketDraft d) {
    pace();
    try {
      GHIssueBuilder builder = repo().createIssue(d.title()).body(IssueBodies.body(d));
      labels(d).forEach(builder::label);
      login(d.owner()).ifPresent(builder::assignee);
      if (d.dueDate() != null) {
        builder.milestone(milestone(d.dueDate()));
      }
      GHIssue issue = builder.create();
      TicketSnapshot created = snapshot(issue);
      return finishClosedState(created, d);
    } catch (IOException e) {
      throw GitHubErrors.convert(e, null, "creating \"" + d.title() + "\"");
    }
  }

  /** An item that is already closed gets an issue that is closed right away. */
  private TicketSnapshot finishClosedState(TicketSnapshot ticket, TicketDraft d) {
    return d.state().isClosed() && ticket.state() != d.state() ? transition(ticket.key(), d.state()) : ticket;
  }

  /** GitHub's secondary limit allows about 80 content-creating requests a minute: space them out. */
  private void pace() {
    Instant next = lastCreate.plus(createInterval);
    Duration wait = lastCreate.equals(Instant.MIN) ? Duration.ZERO : Duration.between(clock.instant(), next);
    if (!wait.isNegative() && !wait.isZero()) {
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TrackerException(type(), Kind.TIMEOUT, 0, "interrupted while pacing creates");
      }
    }
    lastCreate = clock.instant();
  }

  @Override
  public TicketSnapshot update(String ticketKey, TicketDraft d, Set<TicketField> fields) {
    try {
      GHIssue issue = repo().getIssue(number(ticketKey));
      for (TicketField field : fields) {
        switch (field) {
          case TITLE -> issue.setTitle(d.title());
          case DESCRIPTION -> issue.setBody(IssueBodies.body(d));
          case DUE_DATE -> {
            if (d.dueDate() != null) {
              issue.setMilestone(milestone(d.dueDate()));
            }
          }
          case PRIORITY, LABELS -> {
            // Labels people added stay; only our priority label is replaced.
            Set<String> names = new LinkedHashSet<>();
            issue.getLabels().stream().map(GHLabel::getName).filter(n -> !n.matches("P[1-4]")).forEach(names::add);
            names.addAll(labels(d));
            issue.setLabels(names.toArray(String[]::new));
          }
          case ASSIGNEE -> {
            Optional<String> login = login(d.owner());
            if (login.isPresent()) {
              GHUser user = github.getUser(login.get());
              issue.setAssignees(user);
            }
          }
          case STATE -> {
            // States change through transition().
          }
        }
      }
    } catch (IOException e) {
      throw GitHubErrors.convert(e, ticketKey, "updating the issue");
    }
    return read(ticketKey).orElseThrow(() -> new TrackerException(type(), Kind.NOT_FOUND, 404, "#" + ticketKey + " vanished"));
  }

  @Override
  public TicketSnapshot transition(String ticketKey, TicketState target) {
    try {
      GHIssue issue = repo().getIssue(number(ticketKey));
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
      repo().getIssue(number(ticketKey)).comment(text);
    } catch (IOException e) {
      throw GitHubErrors.convert(e, ticketKey, "commenting on the issue");
    }
  }

  private TicketSnapshot snapshot(GHIssue issue) {
    List<String> labels = issue.getLabels().stream().map(GHLabel::getName).toList();
    String key = IssueBodies.key(issue.getBody());
    if (key == null) {
      key = labels.stream().filter(l -> l.startsWith("ft-")).findFirst().orElse(null);
    }
    TicketState state = issue.getState() == GHIssueState.OPEN ? TicketState.OPEN
        : issue.getStateReason() == GHIssueStateReason.NOT_PLANNED ? TicketState.WONT_DO : TicketState.DONE;
    String assignee = issue.getAssignees().isEmpty() ? null : owner(issue.getAssignees().get(0).getLogin());
    GHMilestone m = issue.getMilestone();
    LocalDate due = m != null && m.getDueOn() != null ? LocalDate.ofInstant(m.getDueOn().toInstant(), ZoneOffset.UTC) : null;
    Priority priority = labels.stream().filter(l -> l.matches("P[1-4]")).findFirst().map(Priority::valueOf).orElse(null);
    Instant updated = null;
    try {
      updated = issue.getUpdatedAt() == null ? null : issue.getUpdatedAt().toInstant();
    } catch (IOException e) {
      // Only informational.
    }
    return new TicketSnapshot(String.valueOf(issue.getNumber()), issue.getHtmlUrl() == null ? null : issue.getHtmlUrl().toString(),
        key, issue.getTitle(), IssueBodies.description(issue.getBody()), state, assignee, due, priority, labels, updated,
        updated == null ? null : updated.toString());
  }

  /** The configured labels, the common label, the key and the priority label. */
  static List<String> labels(TicketDraft d) {
    Set<String> labels = new LinkedHashSet<>(d.labels());
    labels.add(COMMON_LABEL);
    labels.add(d.idempotencyKey());
    if (d.priority() != null) {
      labels.add(d.priority().name());
    }
    return List.copyOf(labels);
  }

  /** Owner to login: the users map, else a handle is taken as the login; e-mail addresses need the map. */
  private Optional<String> login(String owner) {
    if (owner == null) {
      return Optional.empty();
    }
    String handle = owner.startsWith("@") ? owner.substring(1) : owner;
    if (users.containsKey(handle)) {
      return Optional.of(users.get(handle));
    }
    if (handle.contains("@")) {
      LOG.warn("owner '{}' is an e-mail address with no GitHub login under tracker.users; the issue stays unassigned", handle);
      return Optional.empty();
    }
    return Optional.of(handle);
  }

  private String owner(String login) {
    return ownersByLogin.getOrDefault(login.toLowerCase(java.util.Locale.ROOT), login);
  }

  /** The milestone for a due date, created with {@code due_on} at noon UTC so it never shifts a day. */
  private GHMilestone milestone(LocalDate due) throws IOException {
    if (milestones == null) {
      milestones = new HashMap<>();
      for (GHMilestone m : repo().listMilestones(GHIssueState.ALL).toList()) {
        if (m.getTitle() != null && m.getTitle().startsWith(MILESTONE_PREFIX)) {
          try {
            milestones.put(LocalDate.parse(m.getTitle().substring(MILESTONE_PREFIX.length())), m);
          } catch (java.time.format.DateTimeParseException ignored) {
            // Someone else's milestone that happens to start with "Due ".
          }
        }
      }
    }
    GHMilestone m = milestones.get(due);
    if (m == null) {
      m = repo().createMilestone(MILESTONE_PREFIX + due, "Postmortem action items due on " + due + " (Followthrough).");
      m.setDueOn(java.util.Date.from(due.atTime(12, 0).toInstant(ZoneOffset.UTC)));
      milestones.put(due, m);
    }
    return m;
  }

  private static int number(String key) {
    try {
      return Integer.parseInt(key.startsWith("#") ? key.substring(1) : key);
    } catch (NumberFormatException e) {
      throw new TrackerException(GitHubErrors.TRACKER, Kind.NOT_FOUND, 404, key, null,
          "'" + key + "' is not a GitHub issue number", null);
    }
  }

  /** Builds a {@link GitHubTracker}: a token or a GitHub App installation, or a prebuilt {@link GitHub}. */
  public static final class Builder {
    private final String repository;
    private URI endpoint = URI.create("https://api.github.com");
    private Secret token;
    private String appId;
    private Path appPrivateKey;
    private GitHub prebuilt;
    private Map<String, String> users = Map.of();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration createInterval = Duration.ofMillis(750);
    private Sleeper sleeper = Sleeper.REAL;
    private Clock clock = Clock.systemUTC();
    private HttpClient http;

    private Builder(String repository) {
      if (repository == null || !repository.matches("[\\w.-]+/[\\w.-]+")) {
        throw new IllegalArgumentException("repository must look like owner/name, got " + repository);
      }
      this.repository = repository;
    }

    /** {@code https://api.github.com} (default) or an Enterprise server's {@code https://host/api/v3}. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint);
      return this;
    }

    /** A personal access token (classic with the repo scope, or fine-grained with Issues read and write). */
    public Builder token(Secret token) {
      this.token = Objects.requireNonNull(token);
      return this;
    }

    /** A GitHub App installed on the repository's owner, authenticated with its private key (PEM). */
    public Builder appInstallation(String appId, Path privateKeyPem) {
      this.appId = Objects.requireNonNull(appId);
      this.appPrivateKey = Objects.requireNonNull(privateKeyPem);
      return this;
    }

    /** A client built elsewhere (tests, custom connectors); endpoint and credentials are then ignored. */
    public Builder github(GitHub github) {
      this.prebuilt = Objects.requireNonNull(github);
      return this;
    }

    /** Owner (handle or e-mail) to GitHub login. */
    public Builder users(Map<String, String> ownerToLogin) {
      this.users = Map.copyOf(ownerToLogin);
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

    /** The least time between two creates (default 750 ms, about 80 a minute). */
    public Builder createInterval(Duration interval) {
      this.createInterval = Objects.requireNonNull(interval);
      return this;
    }

    /** How pacing waits; tests pass a test clock. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** The HTTP client under github-api; default one with the connect timeout. */
    public Builder httpClient(HttpClient client) {
      this.http = Objects.requireNonNull(client);
      return this;
    }

    public GitHubTracker build() {
      if (prebuilt != null) {
        return new GitHubTracker(this, prebuilt, null);
      }
      HttpClient client = http != null ? http
          : HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
      TimeoutConnector connector = new TimeoutConnector(client, requestTimeout);
      GitHubBuilder builder = new GitHubBuilder().withEndpoint(endpoint.toString())
          .withConnector(connector)
          .withRateLimitHandler(GitHubErrors.rateLimitHandler(clock))
          .withAbuseLimitHandler(GitHubErrors.abuseLimitHandler());
      try {
        if (appId != null) {
          String org = repository.substring(0, repository.indexOf('/'));
          builder.withAuthorizationProvider(new OrgAppInstallationAuthorizationProvider(org,
              new JWTTokenProvider(appId, appPrivateKey)));
        } else if (token != null) {
          builder.withOAuthToken(token.reveal());
        } else {
          throw new IllegalStateException("a token or a GitHub App installation is required");
        }
        return new GitHubTracker(this, builder.build(), connector);
      } catch (IOException | java.security.GeneralSecurityException e) {
        throw new TrackerException(GitHubErrors.TRACKER, Kind.AUTH, 0, null, null,
            "cannot set up GitHub authentication: " + e.getMessage(), e);
      }
    }
  }
}
