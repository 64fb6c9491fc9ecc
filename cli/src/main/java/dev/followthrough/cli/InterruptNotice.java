package dev.followthrough.cli;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.core.sync.PlannedAction;
import dev.followthrough.core.sync.SyncListener;
import dev.followthrough.core.sync.SyncPlan;
import dev.followthrough.core.sync.SyncResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Says what a Ctrl-C (or SIGTERM) stopped during a {@code sync}: how far the run got, which items
 * wait with a create whose outcome is unknown ({@code (creating)} in {@code list}), and that the
 * next sync settles them. It follows the run as a listener and prints from a shutdown hook, while
 * the JVM exits as it does for the signal (130 for Ctrl-C).
 */
final class InterruptNotice implements SyncListener, AutoCloseable {
  private final PrintWriter err;
  private final ActionStore store;
  private final String trackerType;
  private final SyncListener next;
  private final Thread hook = new Thread(this::interrupted, "followthrough-interrupted");
  private volatile int total = -1;
  private volatile int done;
  private volatile boolean finished;

  private InterruptNotice(PrintWriter err, ActionStore store, String trackerType, SyncListener next) {
    this.next = next;
    this.err = err;
    this.store = store;
    this.trackerType = trackerType;
  }

  /** Watches for a signal until closed; every event also goes to {@code next}. */
  static InterruptNotice install(PrintWriter err, ActionStore store, String trackerType, SyncListener next) {
    InterruptNotice notice = new InterruptNotice(err, store, trackerType, next);
    Runtime.getRuntime().addShutdownHook(notice.hook);
    return notice;
  }

  @Override
  public void runStarted(SyncPlan plan) {
    total = plan.actions().size();
    next.runStarted(plan);
  }

  @Override
  public void actionFinished(PlannedAction action, int doneSoFar, int of, String failure) {
    done = doneSoFar;
    next.actionFinished(action, doneSoFar, of, failure);
  }

  @Override
  public void runFinished(SyncResult result) {
    finished = true;
    next.runFinished(result);
  }

  private void interrupted() {
    if (finished) {
      return;
    }
    String stage = total < 0 ? "while it was reading the store and the tracker, before any change"
        : "after " + done + " of " + total + " planned changes";
    err.println("followthrough: sync interrupted " + stage + ".");
    List<String> creating = creating();
    if (!creating.isEmpty()) {
      err.println("followthrough: " + creating.size() + " item(s) wait for a create whose outcome is unknown, shown as"
          + " '(creating)' by 'list': " + String.join(", ", creating.subList(0, Math.min(5, creating.size())))
          + (creating.size() > 5 ? ", ..." : "") + ".");
    }
    err.println("followthrough: the next sync settles what this one left: it looks for each ticket a create may have"
        + " made before creating any, so nothing is created twice; changes not made yet are made then.");
    err.flush();
  }

  /** The items with a pending create, as the store holds them now; none when it cannot be read. */
  private List<String> creating() {
    List<String> items = new ArrayList<>();
    try {
      for (StoredPostmortem p : store.findAll()) {
        for (ActionItem item : p.postmortem().actionItems()) {
          if (item.ticketIn(trackerType).filter(t -> t.isPending()).isPresent()) {
            items.add(p.postmortem().id() + "/" + item.id());
          }
        }
      }
    } catch (RuntimeException e) {
      // The store may be closing with the JVM: the general advice still holds.
    }
    return items;
  }

  @Override
  public void close() {
    finished = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down; the hook is running or has run.
    }
  }
}
