package dev.followthrough.core.tracker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An optional capability of a {@link Tracker}: the tickets that changed since an instant of the
 * tracker's own clock, so that a re-sync reads only those instead of every linked ticket.
 *
 * <p>The engine keeps a watermark per {@link #scope()}: when its last read that found changes
 * began, moved only after what that read pulled was stored. Each read asks for changes since the
 * watermark minus {@link #overlap()}, so a change the tracker's search showed late, or stamped with
 * a clock that differs from this machine's, is read by a later run instead of being missed; while
 * nothing changes, {@code since} stays the same from run to run (a tracker may answer "not
 * modified"). A full reconciliation still runs on a
 * schedule as a backstop, and it alone finds tickets that were deleted or left the feed's scope.
 *
 * <p>To implement it: answer every ticket carrying Followthrough's label whose last change is at or
 * after {@code since}, each with its {@code updatedAt} filled in, oldest change first, without
 * duplicates (the same ticket twice keeps the newer copy). Reading a ticket as it was before its
 * latest change is allowed (a lagging index); leaving out a ticket whose change the index showed
 * when the read began is not, also when other tickets change while the pages are read (offset
 * paging then skips some: read again). Not thread-safe, like the tracker.
 */
public interface ChangeFeed {

  /**
   * What the feed covers, such as the site and project, so that a watermark is never used for
   * another: a changed scope has no watermark yet, and its first sync is a full reconciliation.
   */
  String scope();

  /**
   * How far before the watermark each read begins: longer than the tracker's search lag plus the
   * difference between its clock and any client's, so that no late change falls before it.
   */
  Duration overlap();

  /**
   * The tickets changed at or after {@code since} (the tracker's clock), oldest first.
   *
   * @throws TrackerException when the tracker could not answer; nothing is then taken as read
   */
  List<TicketSnapshot> changedSince(Instant since);
}
