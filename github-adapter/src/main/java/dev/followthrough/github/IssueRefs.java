package dev.followthrough.github;

import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.github.GHIssue;

/**
 * Ticket keys of GitHub issues: the number for an issue of the configured repository, and
 * {@code owner/name#number} for one transferred to another repository, whose old number GitHub
 * answers with a 301 to the issue's new place (REST OpenAPI, get an issue: 301).
 */
record IssueRefs(String repository, int number) {
  private static final Pattern API_URL = Pattern.compile(".*/repos/([^/]+/[^/]+)/issues/(\\d+)$");
  private static final Pattern WEB_URL = Pattern.compile("https?://[^/\\s]+/([^/\\s]+/[^/\\s]+)/(?:issues|pull)/\\d+.*");
  private static final Pattern QUALIFIED = Pattern.compile("([^/#\\s]+/[^/#\\s]+)#(\\d+)");

  /** The key of an issue as read, qualified when it lives outside the configured repository. */
  static String key(String configured, GHIssue issue) {
    String here = issue.getUrl() == null ? null : repositoryOf(issue.getUrl().toString());
    return here == null || here.equalsIgnoreCase(configured) ? String.valueOf(issue.getNumber())
        : here + "#" + issue.getNumber();
  }

  static String repositoryOf(String apiUrl) {
    Matcher m = API_URL.matcher(apiUrl);
    return m.matches() ? m.group(1) : null;
  }

  /** Where a key points: the configured repository unless the key names another. */
  static IssueRefs parse(String key, String configured) {
    Matcher m = QUALIFIED.matcher(key);
    if (m.matches()) {
      return new IssueRefs(m.group(1), Integer.parseInt(m.group(2)));
    }
    try {
      return new IssueRefs(configured, Integer.parseInt(key.startsWith("#") ? key.substring(1) : key));
    } catch (NumberFormatException e) {
      throw new TrackerException(GitHubErrors.TRACKER, Kind.NOT_FOUND, 404, key, null,
          "'" + key + "' is not a GitHub issue number", null);
    }
  }

  /**
   * Whether a cited issue is one of the configured repository's: its web URL (or qualified key)
   * names that repository, or it names none (a bare {@code #123}).
   */
  static boolean citedIn(String key, String url, String configured) {
    Matcher web = url == null ? null : WEB_URL.matcher(url);
    if (web != null && web.matches()) {
      return web.group(1).equalsIgnoreCase(configured);
    }
    Matcher qualified = QUALIFIED.matcher(key);
    return !qualified.matches() || qualified.group(1).equalsIgnoreCase(configured);
  }

  boolean in(String configured) {
    return repository.toLowerCase(Locale.ROOT).equals(configured.toLowerCase(Locale.ROOT));
  }
}
