package dev.followthrough.gitlab;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.model.Priority;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.models.Constants.TokenType;
import org.glassfish.jersey.apache.connector.ApacheClientProperties;
import org.glassfish.jersey.apache.connector.ApacheConnectorProvider;
import org.glassfish.jersey.client.ClientProperties;

/** Builds a {@link GitLabTracker}; the project and a token are required, everything else has a default. */
public final class GitLabTrackerBuilder {
  static final URI GITLAB_COM = URI.create("https://gitlab.com");

  final String project;
  URI url = GITLAB_COM;
  Secret token;
  Map<String, String> users = Map.of();
  Map<Priority, String> priorities = Map.of();
  String wontDoLabel = "won't do";
  Duration requestTimeout = Duration.ofSeconds(30);
  Duration listLag = Duration.ofSeconds(5);
  Clock clock = Clock.systemUTC();

  GitLabTrackerBuilder(String project) {
    this.project = Objects.requireNonNull(project, "project");
  }

  /** The site: {@code https://gitlab.com} (the default) or a self-managed {@code https://gitlab.example.com}. */
  public GitLabTrackerBuilder url(URI url) {
    this.url = Objects.requireNonNull(url, "url");
    return this;
  }

  /** A personal, project or group access token with the {@code api} scope. */
  public GitLabTrackerBuilder token(Secret token) {
    this.token = Objects.requireNonNull(token, "token");
    return this;
  }

  /** Owner (handle without {@code @}, or e-mail) to GitLab username. */
  public GitLabTrackerBuilder users(Map<String, String> users) {
    this.users = Map.copyOf(users);
    return this;
  }

  /** P1…P4 to the labels that stand for them; the default is the scoped label {@code priority::P1}…. */
  public GitLabTrackerBuilder priorities(Map<Priority, String> priorities) {
    this.priorities = Map.copyOf(priorities);
    return this;
  }

  /** The label that marks an issue closed without doing it (GitLab keeps no close reason). */
  public GitLabTrackerBuilder wontDoLabel(String label) {
    this.wontDoLabel = Objects.requireNonNull(label, "label");
    return this;
  }

  /** How long each request may take; a create that timed out is looked for after this and the lag. */
  public GitLabTrackerBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** How long a new issue may be missing from the project's issue list. */
  public GitLabTrackerBuilder listLag(Duration lag) {
    this.listLag = Objects.requireNonNull(lag, "lag");
    return this;
  }

  /** The clock that turns {@code RateLimit-Reset} into a wait. */
  public GitLabTrackerBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  public GitLabTracker build() {
    if (token == null) {
      throw new IllegalStateException("a GitLab tracker needs a token");
    }
    Map<String, Object> client = new HashMap<>();
    // Apache HttpClient instead of HttpURLConnection, which resends a POST whose connection broke
    // before the answer (sun.net.http.retryPost) and so can make a second issue; this handler
    // resends only requests that never left, or that are safe to repeat (no body).
    client.put(ClientProperties.CONNECTOR_PROVIDER, ApacheConnectorProvider.class.getName());
    client.put(ApacheClientProperties.RETRY_HANDLER, new DefaultHttpRequestRetryHandler(1, false));
    String base = url.toString().replaceAll("/+$", "");
    GitLabApi api = new GitLabApi(base, TokenType.PRIVATE, token.reveal(), null, client);
    int millis = (int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis());
    api.setRequestTimeout(millis, millis);
    return new GitLabTracker(this, api);
  }
}
