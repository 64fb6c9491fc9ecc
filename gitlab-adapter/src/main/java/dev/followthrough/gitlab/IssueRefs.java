package dev.followthrough.gitlab;

import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ticket keys of GitLab issues. An issue has a global {@code id} and an {@code iid} numbered per
 * project (Issues API docs); every issue URL and edit takes the project and the {@code iid}. The
 * key is the {@code iid} for an issue of the configured project, and {@code group/project#iid}
 * (GitLab's {@code references.full}) for one moved to another project.
 */
record IssueRefs(String project, long iid) {
  private static final Pattern QUALIFIED = Pattern.compile("([\\w.-]+(?:/[\\w.-]+)+)#(\\d+)");

  /** A project path as one URL path segment (REST API docs, namespaced paths: {@code /} as {@code %2F}). */
  static String encoded(String project) {
    return java.net.URLEncoder.encode(project, java.nio.charset.StandardCharsets.UTF_8);
  }

  static IssueRefs parse(String key, String configured) {
    Matcher m = QUALIFIED.matcher(key);
    if (m.matches()) {
      return new IssueRefs(m.group(1), Long.parseLong(m.group(2)));
    }
    String bare = key.startsWith("#") ? key.substring(1) : key;
    if (bare.matches("\\d{1,18}")) {
      return new IssueRefs(configured, Long.parseLong(bare));
    }
    throw new TrackerException(GitLabErrors.TRACKER, Kind.NOT_FOUND, 404, key, null,
        "'" + key + "' is not a GitLab issue number (an iid, or group/project#iid)", null);
  }

  /**
   * Whether a cited key is the configured project's: bare, or qualified by that project's path. A
   * project configured by numeric id cannot be told from a path here, so its citations are held.
   */
  static boolean citedIn(String key, String configured) {
    Matcher m = QUALIFIED.matcher(key);
    return !m.matches() || configured.chars().allMatch(Character::isDigit) || m.group(1).equalsIgnoreCase(configured);
  }

  /** The key for an issue read back: bare in the configured project, qualified elsewhere. */
  static String key(String configured, String fullReference, long iid, boolean inConfigured) {
    if (inConfigured || fullReference == null || !fullReference.contains("#")) {
      return String.valueOf(iid);
    }
    return fullReference;
  }
}
