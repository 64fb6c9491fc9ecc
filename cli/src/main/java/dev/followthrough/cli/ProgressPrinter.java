package dev.followthrough.cli;

import dev.followthrough.core.sync.PlannedAction;
import dev.followthrough.core.sync.SyncListener;
import dev.followthrough.core.sync.SyncPlan;
import java.io.PrintWriter;

/** Progress of a sync on stderr: a line per failure, and a count now and then on long runs. */
final class ProgressPrinter implements SyncListener {
  private static final int EVERY = 50;
  private final PrintWriter err;

  ProgressPrinter(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void runStarted(SyncPlan plan) {
    if (plan.actions().size() > EVERY) {
      err.println("followthrough: applying " + plan.actions().size() + " changes to " + plan.tracker() + "...");
      err.flush();
    }
  }

  @Override
  public void actionFinished(PlannedAction action, int done, int total, String failure) {
    if (failure != null) {
      err.println("followthrough: " + action.item() + ": " + failure);
    } else if (action instanceof PlannedAction.ReferenceNotFound missing) {
      // Said once: the sync that finds it records it, and later runs do not ask again.
      err.println("followthrough: " + missing.item() + ": referenced ticket " + missing.ticketKey()
          + " not found; the item gets a ticket of its own");
    }
    if (total > EVERY && (done % EVERY == 0 || done == total)) {
      err.println("followthrough: " + done + "/" + total + " done");
    }
    err.flush();
  }
}
