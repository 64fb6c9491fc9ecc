package dev.followthrough.jira;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.model.Priority;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** Builds a {@link JiraTracker}; the project is required. */
public final class JiraTrackerBuilder {
  final JiraDeployment deployment;
  final URI site;
  final String email;
  final Secret token;
  String project;
  String issueType = "Task";
  Map<String, String> users = Map.of();
  Map<Priority, String> priorities = Map.of();
  HttpClient http;
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration requestTimeout = Duration.ofSeconds(30);
  Duration searchLag;
  Clock clock = Clock.systemUTC();
  String parent;
  String epicIssueType;
  Duration overlap;
  boolean changeFeed = true;

  JiraTrackerBuilder(JiraDeployment deployment, URI site, String email, Secret token) {
    this.deployment = deployment;
    this.site = Objects.requireNonNull(site, "site");
    this.email = email;
    this.token = Objects.requireNonNull(token, "token");
  }

  /** The project key new tickets go to, such as {@code OPS}. */
  public JiraTrackerBuilder project(String key) {
    this.project = key;
    return this;
  }

  public JiraTrackerBuilder issueType(String name) {
    this.issueType = Objects.requireNonNull(name);
    return this;
  }

  /** Owner (handle or e-mail) to account id (Cloud) or user name (Data Center). */
  public JiraTrackerBuilder users(Map<String, String> ownerToAccount) {
    this.users = Map.copyOf(ownerToAccount);
    return this;
  }

  /** Jira priority names for P1 to P4 (default Highest, High, Medium, Low). */
  public JiraTrackerBuilder priorities(Map<Priority, String> names) {
    this.priorities = Map.copyOf(names);
    return this;
  }

  /** The HTTP client; give one with your proxy or TLS settings. Default: one with a 10 s connect timeout. */
  public JiraTrackerBuilder httpClient(HttpClient client) {
    this.http = Objects.requireNonNull(client);
    return this;
  }

  public JiraTrackerBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  public JiraTrackerBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /**
   * How long a new issue may stay out of JQL results (default 30 s on Cloud, where search is
   * eventually consistent, and 5 s on Data Center).
   */
  public JiraTrackerBuilder searchLag(Duration lag) {
    this.searchLag = Objects.requireNonNull(lag);
    return this;
  }

  public JiraTrackerBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  /** Every new ticket goes under this issue (an epic, or a story for sub-task issue types). */
  public JiraTrackerBuilder parent(String issueKey) {
    this.parent = issueKey;
    return this;
  }

  /**
   * One epic per postmortem holds its tickets: found by the label {@code ft-epic-<postmortem>},
   * created (with this issue type, usually {@code Epic}) when missing.
   */
  public JiraTrackerBuilder epicPerPostmortem(String epicIssueType) {
    this.epicIssueType = epicIssueType;
    return this;
  }

  /**
   * How far before the watermark an incremental sync's search begins (default: the search lag plus
   * five minutes for the difference between Jira's clock and this machine's).
   */
  public JiraTrackerBuilder overlap(Duration overlap) {
    this.overlap = Objects.requireNonNull(overlap);
    return this;
  }

  /** Without a change search every sync reads every linked issue (default: with it). */
  public JiraTrackerBuilder changeFeed(boolean enabled) {
    this.changeFeed = enabled;
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
    // Five minutes of clock difference is the tolerance Kerberos allows by default (RFC 4120 §1.7
    // leaves it to sites; MIT krb5 clockskew = 300 s): hosts that drift further fail logins anyway.
    overlap = !changeFeed ? null : overlap != null ? overlap : searchLag.plus(Duration.ofMinutes(5));
    return new JiraTracker(this);
  }
}
