package dev.followthrough.core.testing;

import dev.followthrough.core.tracker.Capabilities;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** A tracker that passes every call on; tests override the call they want to break. */
public class DelegatingTracker implements Tracker {
  private final Tracker delegate;

  public DelegatingTracker(Tracker delegate) {
    this.delegate = delegate;
  }

  @Override public String type() { return delegate.type(); }
  @Override public Capabilities capabilities() { return delegate.capabilities(); }
  @Override public List<TicketSnapshot> findByKeys(Collection<String> keys) { return delegate.findByKeys(keys); }
  @Override public List<TicketSnapshot> fetch(Collection<String> keys) { return delegate.fetch(keys); }
  @Override public List<CreateOutcome> createAll(List<TicketDraft> drafts) { return delegate.createAll(drafts); }
  @Override public TicketSnapshot update(String key, TicketDraft d, Set<TicketField> f) { return delegate.update(key, d, f); }
  @Override public TicketSnapshot transition(String key, TicketState target) { return delegate.transition(key, target); }
  @Override public void comment(String key, String text) { delegate.comment(key, text); }
}
