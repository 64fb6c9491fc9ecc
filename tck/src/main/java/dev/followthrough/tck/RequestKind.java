package dev.followthrough.tck;

import dev.followthrough.core.tracker.TrackerFault;

/**
 * The kinds of request a tracker adapter sends, so that a test can aim a {@link TrackerFault} at
 * exactly the request that matters (the create, the step after it, the search that recovers it)
 * instead of at "the next request", which is usually a setup call.
 */
public enum RequestKind {
  /** A create: Jira's bulk create, GitHub's issue create, the in-memory create call. */
  CREATE,
  /** An edit of fields: Jira's {@code PUT /issue/{key}}, GitHub's issue {@code PATCH}. */
  EDIT,
  /** A status change: Jira's transition {@code POST}, GitHub's close or reopen. */
  TRANSITION,
  /** The link to the postmortem: Jira's remote link. */
  SOURCE_LINK,
  /** A comment on a ticket. */
  COMMENT,
  /** A milestone lookup or create (GitHub, for due dates). */
  MILESTONE,
  /** A search or list: Jira's JQL search, GitHub's issue list. */
  SEARCH,
  /** A direct read of one ticket. */
  READ
}
